package dk.klaremaal.measurement;

import dk.klaremaal.access.AccessPolicy;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds the case records, spans and histograms from the stored events; for administrators of all organisations. */
@RestController
class DerivedDataApiController {

    private final DerivedDataRebuild rebuild;
    private final AccessPolicy access;

    DerivedDataApiController(DerivedDataRebuild rebuild, AccessPolicy access) {
        this.rebuild = rebuild;
        this.access = access;
    }

    @PostMapping("/api/v1/derived-data/rebuild")
    DerivedDataRebuild.Result rebuild() {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "rebuild the derived case data");
        return rebuild.rebuild();
    }
}
