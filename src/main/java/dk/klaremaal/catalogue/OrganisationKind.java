package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

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
        return Codes.of(this);
    }

    public static OrganisationKind fromCode(String code) {
        return Codes.parse(OrganisationKind.class, code, "organisation kind");
    }
}
