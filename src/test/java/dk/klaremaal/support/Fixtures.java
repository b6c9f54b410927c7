package dk.klaremaal.support;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.ClosingDays;

/** Small catalogue fixtures for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An agency with one case type whose clock starts at receipt and leaves pauses out. */
    public static void agencyWithCaseType(CatalogueService catalogue, String slug, String caseType) {
        catalogue.createOrganisation(new CatalogueService.NewOrganisation(null, "agency", slug, "Testens Styrelse", ClosingDays.NONE));
        catalogue.createCaseType(slug, new CatalogueService.NewCaseType("tilladelser", "Tilladelser", caseType, "Tilladelse", "received", true));
    }

    /** CSV for one case: received and decided, with ids derived from the case id. */
    public static String caseRows(String org, String caseType, String caseId, String received, String decided) {
        String row = "%s-%s,%s,%s,%s,%s,%s\n";
        return row.formatted(caseId, "r", org, caseType, caseId, "received", received)
                + (decided == null ? "" : row.formatted(caseId, "d", org, caseType, caseId, "decided", decided));
    }

    public static final String HEADER = "event_id,organisation,case_type,case_id,event,occurred_at\n";
}
