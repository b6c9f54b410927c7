package dk.klaremaal.demo;

import dk.klaremaal.plans.PlanService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's performance plan: Statens Administration's plan for 2019 with its change during the year,
 * the quarterly follow-up of every milestone and one assessment decided by the department, loaded
 * through the same service as the API.
 */
@Component
public class DemoPlans {

    static final String RESOURCE = "demo/plan-statens-administration-2019.json";

    record DemoPlan(String organisation, int year, List<DemoVersion> versions, List<DemoFollowUp> followUps, List<DemoOverride> overrides) {
    }

    record DemoVersion(String validFrom, String reason, String changedBy, dk.klaremaal.plans.PlanContent content) {
    }

    record DemoFollowUp(String milestone, String status, BigDecimal value, String comment, String reportedBy) {
    }

    record DemoOverride(String goal, String status, String justification, String decidedBy) {
    }

    private final PlanService plans;
    private final JsonMapper json;

    DemoPlans(PlanService plans, JsonMapper json) {
        this.plans = plans;
        this.json = json;
    }

    static DemoPlan read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, DemoPlan.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void load() {
        DemoPlan plan = read(json);
        for (DemoVersion v : plan.versions()) {
            plans.save(plan.organisation(), plan.year(), new PlanService.VersionInput(v.validFrom(), v.reason(), v.content()), v.changedBy());
        }
        for (DemoFollowUp f : plan.followUps()) {
            plans.followUp(plan.organisation(), plan.year(), f.milestone(),
                    new PlanService.FollowUpInput(f.status(), f.value(), f.comment(), f.reportedBy()));
        }
        for (DemoOverride o : plan.overrides()) {
            plans.override(plan.organisation(), plan.year(), o.goal(), new PlanService.OverrideInput(o.status(), o.justification()), o.decidedBy());
        }
    }
}
