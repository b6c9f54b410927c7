package dk.klaremaal.catalogue;

import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The processing time an organisation states for a case type: {@code GET} it, {@code PUT} it ({@code "days": null} removes it). */
@RestController
@RequestMapping("/api/v1/organisations/{slug}/case-types/{code}/stated-time")
class StatedTimeApiController {

    private final CatalogueService catalogue;
    private final StatedTimeService stated;

    StatedTimeApiController(CatalogueService catalogue, StatedTimeService stated) {
        this.catalogue = catalogue;
        this.stated = stated;
    }

    /** The stated time, or 204 when none is stated. */
    @GetMapping
    ResponseEntity<StatedTime> get(@PathVariable String slug, @PathVariable String code) {
        return stated.stated(catalogue.caseType(catalogue.organisation(slug), code)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping
    ResponseEntity<StatedTime> put(@PathVariable String slug, @PathVariable String code, @RequestBody StatedTimeService.Input input,
                                   Principal sender) {
        return stated.state(catalogue.caseType(catalogue.organisation(slug), code), input, sender == null ? null : sender.getName())
                .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }
}
