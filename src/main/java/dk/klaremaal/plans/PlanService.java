package dk.klaremaal.plans;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.access.AuditTrail;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.PeriodKind;
import dk.klaremaal.goals.Status;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance plans: versions of what a plan states, the quarterly follow-up of its milestones, the
 * quarterly annexes, and the annual assessment of each goal by the plan's rule or as decided otherwise.
 */
@Service
public class PlanService {

    public record PlanSummary(Organisation organisation, int year, String title, int versions) {
    }

    public record VersionView(Plan.Version version, List<String> changes) {
    }

    /** A milestone with its follow-up, if any yet. */
    public record MilestoneLine(PlanContent.Milestone milestone, FollowUp followUp) {
    }

    /** A goal of the organisation that measures a plan goal, and its result for the plan's year (null when not measured). */
    public record KpiLine(String code, Goal goal, GoalResult result) {
    }

    public record GoalView(PlanContent.PlanGoal goal, List<MilestoneLine> milestones, List<KpiLine> kpis, PlanAssessment.GoalAssessment assessment) {
    }

    public record BearingView(PlanContent.Bearing bearing, List<GoalView> goals) {
    }

    /** A plan as shown: the version asked for (the current one by default), goal by goal under its bearings, and the history of changes. */
    public record PlanView(Plan plan, Plan.Version shown, List<BearingView> bearings, List<VersionView> history, boolean yearEnded) {

        public boolean current() {
            return shown.number() == plan.current().number();
        }

        /** The goals in the order the plan lists them. */
        public List<GoalView> goals() {
            List<String> order = shown.content().goals().stream().map(PlanContent.PlanGoal::code).toList();
            return bearings.stream().flatMap(b -> b.goals().stream()).sorted(Comparator.comparingInt(g -> order.indexOf(g.goal().code()))).toList();
        }
    }

    /** The milestones of one goal due in the annex's quarter. */
    public record AnnexGoal(PlanContent.PlanGoal goal, PlanContent.Bearing bearing, List<MilestoneLine> milestones) {
    }

    /** "After quarter N we follow up on: …", as the version in force at the quarter's end states it. */
    public record Annex(Plan plan, Plan.Version version, int quarter, List<AnnexGoal> goals) {

        /** The annex's heading in the plan's own language. */
        public String heading() {
            return "Efter " + quarter + ". kvartal følges op på:";
        }
    }

    public record VersionInput(String validFrom, String reason, PlanContent content) {
    }

    public record FollowUpInput(String status, BigDecimal value, String comment, String reportedBy) {
    }

    public record OverrideInput(String status, String justification) {
    }

    private final PlanRepository plans;
    private final CatalogueService catalogue;
    private final GoalService goals;
    private final ResultService results;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    PlanService(PlanRepository plans, CatalogueService catalogue, GoalService goals, ResultService results, AccessPolicy access,
                AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public List<PlanSummary> plans() {
        return plans.listed().stream()
                .map(p -> new PlanSummary(catalogue.organisation(p.organisationId()), p.year(), p.title(), p.versions())).toList();
    }

    /** The years the organisation has a plan for, newest first. */
    public List<Integer> years(Organisation organisation) {
        return plans.years(organisation.id());
    }

    public Plan plan(String slug, int year) {
        Organisation organisation = catalogue.organisation(slug);
        return plans.find(organisation, year)
                .orElseThrow(() -> new NotFoundException(organisation.name() + " has no performance plan for " + year));
    }

    /** The organisation's plan for the year, if it has one. */
    public java.util.Optional<Plan> find(String slug, int year) {
        return plans.find(catalogue.organisation(slug), year);
    }

    public PlanView view(String slug, int year, Integer versionNumber) {
        Plan plan = plan(slug, year);
        Plan.Version shown = versionNumber == null ? plan.current() : plan.version(versionNumber)
                .orElseThrow(() -> new NotFoundException("The plan has no version " + versionNumber + "; it has " + plan.versions().size()));
        Map<String, FollowUp> followUps = plans.followUps(plan.id());
        Map<String, PlanAssessment.Override> overrides = plans.overrides(plan.id());
        Map<String, Goal> kpis = kpiGoals(plan.organisation());
        PlanContent content = shown.content();
        List<BearingView> bearings = new ArrayList<>();
        for (PlanContent.Bearing bearing : content.bearings()) {
            List<GoalView> views = content.goals().stream().filter(g -> g.bearing().equals(bearing.code()))
                    .map(g -> goalView(plan, content, g, followUps, overrides, kpis)).toList();
            bearings.add(new BearingView(bearing, views));
        }
        List<VersionView> history = new ArrayList<>();
        for (int i = 0; i < plan.versions().size(); i++) {
            Plan.Version v = plan.versions().get(i);
            history.add(new VersionView(v, i == 0 ? List.of() : PlanContentCheck.changes(plan.versions().get(i - 1).content(), v.content())));
        }
        return new PlanView(plan, shown, bearings, history, LocalDate.now(clock).getYear() > year);
    }

    private GoalView goalView(Plan plan, PlanContent content, PlanContent.PlanGoal g, Map<String, FollowUp> followUps,
                              Map<String, PlanAssessment.Override> overrides, Map<String, Goal> kpiGoals) {
        List<MilestoneLine> milestones = g.milestones().stream().map(m -> new MilestoneLine(m, followUps.get(m.key()))).toList();
        List<KpiLine> kpis = g.kpis().stream().map(code -> {
            Goal goal = kpiGoals.get(code);
            return new KpiLine(code, goal, goal == null ? null : resultForYear(goal, plan.year()));
        }).toList();
        List<PlanAssessment.Item> items = new ArrayList<>();
        for (MilestoneLine line : milestones) {
            FollowUp f = line.followUp();
            items.add(new PlanAssessment.Item(line.milestone().key() + ": " + line.milestone().text(), false, f == null ? null : f.status(),
                    f == null ? "ikke fulgt op" : f.comment()));
        }
        for (KpiLine kpi : kpis) {
            MilestoneStatus status = kpi.result() == null || kpi.result().level() == null ? null : switch (kpi.result().level().status().rank()) {
                case 0 -> MilestoneStatus.REACHED;
                case 1 -> MilestoneStatus.PARTLY_REACHED;
                default -> MilestoneStatus.NOT_REACHED;
            };
            items.add(new PlanAssessment.Item(kpi.code() + ": " + (kpi.goal() == null ? "målet findes ikke længere" : kpi.goal().sentence()), true,
                    status, kpi.result() == null ? "ikke målt" : kpi.result().period().label()));
        }
        return new GoalView(g, milestones, kpis, PlanAssessment.assess(g, items, content.ruleOrDefault(), overrides.get(g.code())));
    }

    /**
     * A KPI's result for the plan's year: the year's own result for a yearly goal; for a goal measured
     * over shorter periods, the last period of the year that was measured (a quarterly target for Q4 is
     * the year's end point). Null when nothing of the year was measured.
     */
    GoalResult resultForYear(Goal goal, int year) {
        List<GoalResult> ofYear = results.results(goal).stream()
                .filter(r -> r.period().start().getYear() == year && r.period().end().getYear() == year && r.measured())
                .toList();
        return ofYear.stream().filter(r -> r.period().kind() == PeriodKind.YEAR).findFirst()
                .or(() -> ofYear.stream().max(Comparator.comparing(GoalResult::period)))
                .orElse(null);
    }

    private Map<String, Goal> kpiGoals(Organisation organisation) {
        Map<String, Goal> byCode = new LinkedHashMap<>();
        for (Goal g : goals.goalsOf(organisation)) {
            if (g.code() != null) {
                byCode.put(g.code(), g);
            }
        }
        return byCode;
    }

    public Annex annex(String slug, int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new NotFoundException("A year has quarters 1 to 4, not " + quarter);
        }
        Plan plan = plan(slug, year);
        Plan.Version version = plan.inForceOn(plan.endOfQuarter(quarter));
        Map<String, FollowUp> followUps = plans.followUps(plan.id());
        List<AnnexGoal> goals = new ArrayList<>();
        for (PlanContent.PlanGoal g : version.content().goals()) {
            List<MilestoneLine> due = g.dueIn(quarter).stream().map(m -> new MilestoneLine(m, followUps.get(m.key()))).toList();
            if (!due.isEmpty()) {
                goals.add(new AnnexGoal(g, version.content().bearing(g.bearing()).orElse(null), due));
            }
        }
        return new Annex(plan, version, quarter, goals);
    }

    /** Adds a version of the organisation's plan for the year (the first creates the plan). */
    @Transactional
    public Plan save(String slug, int year, VersionInput input, String sender) {
        Organisation organisation = catalogue.organisation(slug);
        access.check(AccessPolicy.Action.EDIT, organisation.id());
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "must be a year from 2000 to 2100");
        }
        if (input == null || input.content() == null) {
            throw new InvalidInputException("content", "is missing: give the plan's title, mission, vision, bearings and goals");
        }
        Plan existing = plans.find(organisation, year).orElse(null);
        LocalDate validFrom = null;
        if (input.validFrom() == null || input.validFrom().isBlank()) {
            problems.add(new FieldProblem("validFrom", "give the date the version applies from, such as " + year + "-01-01"));
        } else {
            try {
                validFrom = LocalDate.parse(input.validFrom().strip());
                if (validFrom.getYear() > year || validFrom.getYear() < year - 1) {
                    problems.add(new FieldProblem("validFrom", "must lie in " + year + " (or late in " + (year - 1) + " for a plan agreed before the year)"));
                } else if (existing != null && validFrom.isBefore(existing.current().validFrom())) {
                    problems.add(new FieldProblem("validFrom", "must not lie before " + existing.current().validFrom()
                            + ", the date the current version applies from"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("validFrom", "'" + input.validFrom() + "' is not a date such as " + year + "-06-30"));
            }
        }
        if (existing != null && (input.reason() == null || input.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "say why the plan changes during the year, e.g. what in its basis changed significantly"));
        } else if (input.reason() != null && input.reason().length() > 4000) {
            problems.add(new FieldProblem("reason", "must be at most 4000 characters"));
        }
        Set<String> kpiCodes = kpiGoals(organisation).keySet();
        PlanContent content = input.content();
        problems.addAll(PlanContentCheck.problems(content, kpiCodes));
        if (problems.isEmpty() && existing != null && PlanContentCheck.changes(existing.current().content(), content).isEmpty()) {
            problems.add(new FieldProblem("content", "is the same as version " + existing.current().number() + "; nothing to change"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String reason = input.reason() == null || input.reason().isBlank() ? "Planen er indgået" : input.reason().strip();
        long id = plans.lockOrCreate(organisation.id(), year);
        int number = plans.addVersion(id, validFrom, reason, sender == null ? "ukendt" : sender, content);
        audit.record("plan", slug + "/" + year, existing == null ? null : Map.of("version", existing.current().number()),
                Map.of("version", number, "validFrom", validFrom.toString(), "reason", reason));
        return plans.find(organisation, year).orElseThrow();
    }

    /** Records the follow-up of a milestone of the current version. */
    @Transactional
    public FollowUp followUp(String slug, int year, String milestoneKey, FollowUpInput input) {
        Plan plan = plan(slug, year);
        access.check(AccessPolicy.Action.REPORT, plan.organisation().id());
        PlanContent.Milestone milestone = plan.current().content().milestone(milestoneKey)
                .orElseThrow(() -> new NotFoundException("The current version of the plan has no milestone '" + milestoneKey + "'"));
        List<FieldProblem> problems = new ArrayList<>();
        MilestoneStatus status = null;
        if (input.status() != null && !input.status().isBlank()) {
            try {
                status = MilestoneStatus.fromCode(input.status().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", e.getMessage()));
            }
        }
        if (milestone.measurable()) {
            if (input.value() == null) {
                problems.add(new FieldProblem("value", "the milestone has a target of " + milestone.target().stripTrailingZeros().toPlainString()
                        + (milestone.unit() == null ? "" : " " + milestone.unit()) + "; give the value reached"));
            } else {
                boolean meets = milestone.meets(input.value());
                if (status == null && problems.isEmpty()) {
                    status = meets ? MilestoneStatus.REACHED : MilestoneStatus.NOT_REACHED;
                } else if (status == MilestoneStatus.REACHED && !meets) {
                    problems.add(new FieldProblem("status", "a value of " + input.value().stripTrailingZeros().toPlainString()
                            + " does not reach the target of " + milestone.target().stripTrailingZeros().toPlainString()
                            + "; say 'partly_reached' or 'not_reached'"));
                } else if (status != null && status != MilestoneStatus.REACHED && meets) {
                    problems.add(new FieldProblem("status", "a value of " + input.value().stripTrailingZeros().toPlainString()
                            + " reaches the target of " + milestone.target().stripTrailingZeros().toPlainString() + "; say 'reached'"));
                }
            }
        } else if (input.value() != null) {
            problems.add(new FieldProblem("value", "the milestone has no measurable target; leave the value out"));
        }
        if (status == null && problems.isEmpty()) {
            problems.add(new FieldProblem("status", "say whether the milestone is reached, partly_reached or not_reached"));
        }
        String comment = input.comment() == null ? "" : input.comment().strip();
        if (status != null && status != MilestoneStatus.REACHED && comment.isEmpty()) {
            problems.add(new FieldProblem("comment", "explain why the milestone is not (fully) reached and what happens next"));
        } else if (comment.length() > 4000) {
            problems.add(new FieldProblem("comment", "must be at most 4000 characters"));
        }
        String by = input.reportedBy() == null ? "" : input.reportedBy().strip();
        if (by.isEmpty()) {
            problems.add(new FieldProblem("reportedBy", "name the person who reports the follow-up"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        FollowUp before = plans.followUps(plan.id()).get(milestoneKey);
        FollowUp saved = new FollowUp(milestoneKey, status, input.value(), comment, by, clock.instant());
        plans.saveFollowUp(plan.id(), saved);
        audit.record("plan_followup", slug + "/" + year + "/" + milestoneKey, before == null ? null : followUpMap(before), followUpMap(saved));
        return saved;
    }

    private static Map<String, Object> followUpMap(FollowUp f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", f.status().code());
        m.put("value", f.value() == null ? null : f.value().toPlainString());
        m.put("comment", f.comment());
        m.put("reportedBy", f.reportedBy());
        return m;
    }

    /** Decides a goal's annual assessment otherwise than the rule gives; the justification is published with it. */
    @Transactional
    public PlanAssessment.Override override(String slug, int year, String goalCode, OverrideInput input, String sender) {
        Plan plan = plan(slug, year);
        access.check(AccessPolicy.Action.APPROVE, plan.organisation().id());
        if (plan.current().content().goal(goalCode).isEmpty()) {
            throw new NotFoundException("The current version of the plan has no goal '" + goalCode + "'");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Status status = switch (input.status() == null ? "" : input.status().strip()) {
            case "met" -> Status.MET;
            case "partly_met" -> Status.PARTLY_MET;
            case "not_met" -> Status.NOT_MET;
            default -> null;
        };
        if (status == null) {
            problems.add(new FieldProblem("status", "must be met, partly_met or not_met"));
        }
        String justification = input.justification() == null ? "" : input.justification().strip();
        if (justification.length() < 20) {
            problems.add(new FieldProblem("justification", "explain publicly why the assessment differs from the plan's rule (at least 20 characters)"));
        } else if (justification.length() > 4000) {
            problems.add(new FieldProblem("justification", "must be at most 4000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PlanAssessment.Override before = plans.overrides(plan.id()).get(goalCode);
        PlanAssessment.Override saved = new PlanAssessment.Override(goalCode, status, justification, sender == null ? "ukendt" : sender, clock.instant());
        plans.saveOverride(plan.id(), saved);
        audit.record("plan_assessment", slug + "/" + year + "/" + goalCode,
                before == null ? null : Map.of("status", before.status().code(), "justification", before.justification()),
                Map.of("status", status.code(), "justification", justification));
        return saved;
    }

    /** Returns a goal's annual assessment to the plan's rule. */
    @Transactional
    public void removeOverride(String slug, int year, String goalCode) {
        Plan plan = plan(slug, year);
        access.check(AccessPolicy.Action.APPROVE, plan.organisation().id());
        PlanAssessment.Override before = plans.overrides(plan.id()).get(goalCode);
        if (before == null || !plans.removeOverride(plan.id(), goalCode)) {
            throw new NotFoundException("Goal '" + goalCode + "' of the plan has no assessment decided otherwise than the rule");
        }
        audit.record("plan_assessment", slug + "/" + year + "/" + goalCode,
                Map.of("status", before.status().code(), "justification", before.justification()), null);
    }

    /** The plans of every organisation below (and including) one, for the staff pages. */
    public List<PlanSummary> plansOf(List<Long> organisationIds) {
        Set<Long> ids = Set.copyOf(organisationIds);
        return plans().stream().filter(p -> ids.contains(p.organisation().id())).collect(Collectors.toList());
    }
}
