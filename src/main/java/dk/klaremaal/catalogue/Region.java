package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

/** The five Danish regions, for grouping and filtering municipalities in comparisons (names in messages*.properties). */
public enum Region {
    HOVEDSTADEN, SJAELLAND, SYDDANMARK, MIDTJYLLAND, NORDJYLLAND;

    public String code() {
        return Codes.of(this);
    }

    public static Region fromCode(String code) {
        return Codes.parse(Region.class, code, "region");
    }
}
