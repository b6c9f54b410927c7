package dk.klaremaal.plans;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Performance plans as JSON: read by anyone; versions, follow-ups and assessments written by staff and tokens. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanApiController {

    record Summary(String organisation, String organisationName, int year, String title, int versions) {
    }

    record FollowUpJson(String status, BigDecimal value, String comment, String reportedBy, Instant reportedAt) {
    }

    record MilestoneJson(String key, Integer quarter, String text, BigDecimal target, String unit, Boolean lowerIsBetter, FollowUpJson followUp) {
    }

    record KpiJson(String code, Long goalId, String sentence, String period, BigDecimal value, String status) {
    }

    record OverrideJson(String status, String justification, String decidedBy, Instant decidedAt) {
    }

    record AssessmentJson(String status, String byRule, long reached, int counted, boolean complete, OverrideJson override) {
    }

    record GoalJson(String code, String title, String description, List<MilestoneJson> milestones, List<KpiJson> kpis, AssessmentJson assessment) {
    }

    record BearingJson(String code, String title, String description, List<GoalJson> goals) {
    }

    record VersionJson(int number, LocalDate validFrom, String reason, String changedBy, Instant recordedAt, List<String> changes) {
    }

    record PlanJson(String organisation, String organisationName, int year, int version, boolean current, LocalDate validFrom, String title,
                    String mission, String vision, int partlyFromPercent, List<BearingJson> bearings, List<VersionJson> versions) {
    }

    record AnnexJson(String organisation, int year, int quarter, int version, String heading, List<AnnexGoalJson> goals) {
    }

    record AnnexGoalJson(String code, String title, List<MilestoneJson> milestones) {
    }

    private final PlanService plans;

    PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    List<Summary> list() {
        return plans.plans().stream().map(p -> new Summary(p.organisation().slug(), p.organisation().name(), p.year(), p.title(), p.versions()))
                .toList();
    }

    @GetMapping("/{slug}/{year}")
    PlanJson plan(@PathVariable String slug, @PathVariable int year, @RequestParam(required = false) Integer version) {
        return json(plans.view(slug, year, version));
    }

    @PutMapping("/{slug}/{year}")
    PlanJson save(@PathVariable String slug, @PathVariable int year, @RequestBody PlanService.VersionInput input, Principal sender) {
        plans.save(slug, year, input, name(sender));
        return json(plans.view(slug, year, null));
    }

    @PutMapping("/{slug}/{year}/followups/{milestone}")
    FollowUpJson followUp(@PathVariable String slug, @PathVariable int year, @PathVariable String milestone,
                          @RequestBody PlanService.FollowUpInput input) {
        return json(plans.followUp(slug, year, milestone, input));
    }

    @PutMapping("/{slug}/{year}/assessments/{goal}")
    OverrideJson override(@PathVariable String slug, @PathVariable int year, @PathVariable String goal,
                          @RequestBody PlanService.OverrideInput input, Principal sender) {
        return json(plans.override(slug, year, goal, input, name(sender)));
    }

    @DeleteMapping("/{slug}/{year}/assessments/{goal}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeOverride(@PathVariable String slug, @PathVariable int year, @PathVariable String goal) {
        plans.removeOverride(slug, year, goal);
    }

    @GetMapping("/{slug}/{year}/annexes/{quarter}")
    AnnexJson annex(@PathVariable String slug, @PathVariable int year, @PathVariable int quarter) {
        PlanService.Annex a = plans.annex(slug, year, quarter);
        return new AnnexJson(slug, year, quarter, a.version().number(), a.heading(),
                a.goals().stream().map(g -> new AnnexGoalJson(g.goal().code(), g.goal().title(),
                        g.milestones().stream().map(PlanApiController::json).toList())).toList());
    }

    private static String name(Principal sender) {
        return sender == null ? null : sender.getName();
    }

    private static PlanJson json(PlanService.PlanView view) {
        PlanContent c = view.shown().content();
        List<BearingJson> bearings = view.bearings().stream().map(b -> new BearingJson(b.bearing().code(), b.bearing().title(),
                b.bearing().description(), b.goals().stream().map(PlanApiController::json).toList())).toList();
        List<VersionJson> versions = view.history().stream().map(h -> new VersionJson(h.version().number(), h.version().validFrom(),
                h.version().reason(), h.version().changedBy(), h.version().recordedAt(), h.changes())).toList();
        return new PlanJson(view.plan().organisation().slug(), view.plan().organisation().name(), view.plan().year(), view.shown().number(),
                view.current(), view.shown().validFrom(), c.title(), c.mission(), c.vision(), c.ruleOrDefault().partlyFromPercent(), bearings, versions);
    }

    private static GoalJson json(PlanService.GoalView g) {
        PlanAssessment.GoalAssessment a = g.assessment();
        return new GoalJson(g.goal().code(), g.goal().title(), g.goal().description(),
                g.milestones().stream().map(PlanApiController::json).toList(),
                g.kpis().stream().map(k -> new KpiJson(k.code(), k.goal() == null ? null : k.goal().id(), k.goal() == null ? null : k.goal().sentence(),
                        k.result() == null ? null : k.result().period().key(), k.result() == null ? null : k.result().value(),
                        k.result() == null || k.result().level() == null ? null : k.result().level().status().code())).toList(),
                new AssessmentJson(a.status() == null ? null : a.status().code(), a.byRule() == null ? null : a.byRule().code(), a.reached(),
                        a.items().size(), a.complete(), a.override() == null ? null : json(a.override())));
    }

    private static MilestoneJson json(PlanService.MilestoneLine line) {
        PlanContent.Milestone m = line.milestone();
        return new MilestoneJson(m.key(), m.quarter(), m.text(), m.target(), m.unit(), m.lowerIsBetter(),
                line.followUp() == null ? null : json(line.followUp()));
    }

    private static FollowUpJson json(FollowUp f) {
        return new FollowUpJson(f.status().code(), f.value(), f.comment(), f.reportedBy(), f.reportedAt());
    }

    private static OverrideJson json(PlanAssessment.Override o) {
        return new OverrideJson(o.status().code(), o.justification(), o.decidedBy(), o.decidedAt());
    }
}
