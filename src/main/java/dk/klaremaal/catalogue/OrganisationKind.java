package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

public enum OrganisationKind {
    MINISTRY, AGENCY, MUNICIPALITY, REGION, ADMINISTRATION, INSTITUTION;

    public String code() {
        return Codes.of(this);
    }

    public static OrganisationKind fromCode(String code) {
        return Codes.parse(OrganisationKind.class, code, "organisation kind");
    }
}
