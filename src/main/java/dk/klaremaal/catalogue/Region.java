package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

/** The five Danish regions, for grouping and filtering municipalities in comparisons. */
public enum Region {
    HOVEDSTADEN("Region Hovedstaden"), SJAELLAND("Region Sjælland"), SYDDANMARK("Region Syddanmark"),
    MIDTJYLLAND("Region Midtjylland"), NORDJYLLAND("Region Nordjylland");

    private final String danish;

    Region(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    public String code() {
        return Codes.of(this);
    }

    public static Region fromCode(String code) {
        return Codes.parse(Region.class, code, "region");
    }
}
