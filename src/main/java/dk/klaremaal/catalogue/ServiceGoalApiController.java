package dk.klaremaal.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case type's service goal: {@code {"days": 40}}, or {@code {"days": null}} for none. */
@RestController
@RequestMapping("/api/v1/organisations/{slug}/case-types/{code}/service-goal")
class ServiceGoalApiController {

    private final CatalogueService catalogue;
    private final ServiceGoalService serviceGoals;

    ServiceGoalApiController(CatalogueService catalogue, ServiceGoalService serviceGoals) {
        this.catalogue = catalogue;
        this.serviceGoals = serviceGoals;
    }

    @GetMapping
    ServiceGoalService.View get(@PathVariable String slug, @PathVariable String code) {
        return serviceGoals.view(catalogue.organisation(slug), code);
    }

    @PutMapping
    ServiceGoalService.View put(@PathVariable String slug, @PathVariable String code, @RequestBody ServiceGoalService.Input input) {
        return serviceGoals.set(catalogue.organisation(slug), code, input);
    }
}
