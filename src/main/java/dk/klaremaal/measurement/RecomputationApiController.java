package dk.klaremaal.measurement;

import dk.klaremaal.access.AccessPolicy;
import java.time.Clock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes every goal's results now (e.g. after a large import), as the nightly run does; for administrators of all organisations. */
@RestController
class RecomputationApiController {

    private final ResultRecomputation recomputation;
    private final AccessPolicy access;
    private final Clock clock;

    RecomputationApiController(ResultRecomputation recomputation, AccessPolicy access, Clock clock) {
        this.recomputation = recomputation;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/v1/results/recomputations")
    ResultRecomputation.Run recompute() {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "recompute every goal's results");
        return recomputation.recompute("on-demand " + clock.instant()).orElseThrow();
    }
}
