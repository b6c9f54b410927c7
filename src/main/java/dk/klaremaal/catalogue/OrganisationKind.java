package dk.klaremaal.catalogue;

import java.util.Locale;

public enum OrganisationKind {
    MINISTRY("Ministerium"),
    AGENCY("Styrelse"),
    MUNICIPALITY("Kommune"),
    REGION("Region"),
    ADMINISTRATION("Forvaltning"),
    INSTITUTION("Institution");

    private final String danish;

    OrganisationKind(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrganisationKind fromCode(String code) {
        for (OrganisationKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown organisation kind '" + code + "'; expected one of ministry, agency, municipality, region, administration, institution");
    }
}
