package dk.klaremaal.goals;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.GoalInput.BoundInput;
import dk.klaremaal.goals.GoalInput.LevelInput;
import dk.klaremaal.goals.GoalInput.ScaleInput;
import dk.klaremaal.goals.GoalInput.TargetInput;
import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class GoalService {

    private final dk.klaremaal.access.AccessPolicy access;
    private final dk.klaremaal.access.AuditTrail audit;

    private final GoalRepository goals;
    private final CatalogueRepository catalogue;
    private final IndicatorValidator indicators;

    public GoalService(GoalRepository goals, CatalogueRepository catalogue, IndicatorValidator indicators,
                       dk.klaremaal.access.AccessPolicy access, dk.klaremaal.access.AuditTrail audit) {
        this.audit = audit;
        this.goals = goals;
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.access = access;
    }

    /** A goal the public may see: published, or an earlier version of a published one. */
    public Goal publicGoal(long id) {
        Goal goal = goal(id);
        if (!goal.published() && !goal.superseded()) {
            throw new NotFoundException("No published goal with id " + id);
        }
        return goal;
    }

    public Goal goal(long id) {
        return goals.find(id).orElseThrow(() -> new NotFoundException("No goal with id " + id));
    }

    public List<Goal> goalsWithKey(String indicatorKey) {
        return goals.findByIndicatorKey(indicatorKey);
    }

    public java.util.Map<String, Long> indicatorKeys() {
        return goals.indicatorKeys();
    }

    public List<Goal> goalsOf(Organisation organisation) {
        return goals.findByOrganisation(organisation.id());
    }

    /** Checks every field and the scale's coverage; refuses the goal with all problems found, or stores it. */
    @Transactional
    public Goal create(GoalInput input) {
        Checked checked = check(input);
        if (!checked.problems().isEmpty()) {
            throw new InvalidInputException(checked.problems());
        }
        Goal goal = checked.goal();
        Goal created = goal(goals.insert(new Goal(0, goal.organisationId(), goal.caseTypeId(), goal.code(), goal.sentence(), goal.dimension(),
                goal.indicator(), goal.periodKind(), goal.scale(), goal.secondaryScale(), goal.scaleBasis(), goal.targets(),
                goal.baseline(), goal.milestones(), goal.indicatorKey(), null, null, null,
                publishesDirectly() ? Goal.State.PUBLISHED : Goal.State.DRAFT, goal.minObservations())));
        audit.record("goal", created.id(), null, created);
        return created;
    }

    /**
     * A goal being written, checked as it would be stored: the problems found (the scale's gaps and
     * overlaps also in Danish) and, as far as the input allows, the goal as it would read, for the
     * editor's live preview. Nothing is stored.
     */
    public record Preview(Goal goal, List<FieldProblem> problems, List<ScaleProblem> scaleProblems) {
    }

    public Preview preview(GoalInput input) {
        Checked checked = check(input);
        return new Preview(checked.goal(), checked.problems(), checked.scaleProblems());
    }

    /** The goal as far as the input allows (null without an organisation, indicator or scale) and every problem found. */
    private record Checked(Goal goal, List<FieldProblem> problems, List<ScaleProblem> scaleProblems) {
    }

    /** A goal's number (code), e.g. S1 or M2a. */
    static final int GOAL_CODE = 40;
    /** At most this many targets, scale levels and milestones in one goal. */
    static final int MAX_TARGETS = 50;
    static final int MAX_LEVELS = 10;
    static final int MAX_MILESTONES = 50;
    /** The most observations a goal may require before a period is assessed. */
    static final int MAX_MIN_OBSERVATIONS = 1_000_000;
    /** Periods and due dates lie in these years. */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;
    /** A change from the baseline lies from −100 % (nothing left) to +1000 % (eleven times the baseline). */
    static final BigDecimal LEAST_CHANGE = BigDecimal.ONE.negate();
    static final BigDecimal GREATEST_CHANGE = BigDecimal.TEN;

    /**
     * The length and characters of every text and the size of every list, checked before anything is
     * looked up or parsed, so that no oversized or unstorable value (such as NUL) goes further.
     */
    static List<FieldProblem> limits(GoalInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldLimits.text(problems, "organisation", input.organisation(), FieldLimits.CODE);
        FieldLimits.text(problems, "caseType", input.caseType(), FieldLimits.CODE);
        FieldLimits.text(problems, "code", input.code(), GOAL_CODE);
        FieldLimits.lines(problems, "sentence", input.sentence(), FieldLimits.SENTENCE);
        FieldLimits.text(problems, "dimension", input.dimension(), FieldLimits.LABEL);
        FieldLimits.text(problems, "periodKind", input.periodKind(), FieldLimits.LABEL);
        FieldLimits.text(problems, "indicatorKey", input.indicatorKey(), FieldLimits.CODE);
        GoalInput.IndicatorInput i = input.indicator();
        if (i != null) {
            FieldLimits.text(problems, "indicator.kind", i.kind(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.statistic", i.statistic(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.dayUnit", i.dayUnit(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.valueUnit", i.valueUnit(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.channel", i.channel(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.outcome", i.outcome(), FieldLimits.LABEL);
            FieldLimits.text(problems, "indicator.survey", i.survey(), FieldLimits.CODE);
            FieldLimits.text(problems, "indicator.question", i.question(), FieldLimits.CODE);
            FieldLimits.text(problems, "indicator.system", i.system(), FieldLimits.CODE);
            FieldLimits.text(problems, "indicator.series", i.series(), FieldLimits.CODE);
            FieldLimits.text(problems, "indicator.denominatorSeries", i.denominatorSeries(), FieldLimits.CODE);
            FieldLimits.text(problems, "indicator.service", i.service(), FieldLimits.CODE);
        }
        if (FieldLimits.count(problems, "targets", input.targets(), MAX_TARGETS) && input.targets() != null) {
            for (int t = 0; t < input.targets().size(); t++) {
                TargetInput target = input.targets().get(t);
                FieldLimits.text(problems, "targets[" + t + "].period", target == null ? null : target.period(), FieldLimits.LABEL);
            }
        }
        if (input.baseline() != null) {
            FieldLimits.text(problems, "baseline.period", input.baseline().period(), FieldLimits.LABEL);
            FieldLimits.text(problems, "baseline.change", input.baseline().change(), FieldLimits.LABEL);
        }
        scaleLimits("scale", input.scale(), problems);
        scaleLimits("secondaryScale", input.secondaryScale(), problems);
        if (FieldLimits.count(problems, "milestones", input.milestones(), MAX_MILESTONES) && input.milestones() != null) {
            for (int m = 0; m < input.milestones().size(); m++) {
                GoalInput.MilestoneInput milestone = input.milestones().get(m);
                FieldLimits.text(problems, "milestones[" + m + "].title", milestone == null ? null : milestone.title(), FieldLimits.NAME);
                FieldLimits.text(problems, "milestones[" + m + "].due", milestone == null ? null : milestone.due(), FieldLimits.LABEL);
            }
        }
        return problems;
    }

    private static void scaleLimits(String field, ScaleInput in, List<FieldProblem> problems) {
        if (in == null) {
            return;
        }
        FieldLimits.text(problems, field + ".kind", in.kind(), FieldLimits.LABEL);
        FieldLimits.text(problems, field + ".direction", in.direction(), FieldLimits.LABEL);
        FieldLimits.text(problems, field + ".basis", in.basis(), FieldLimits.LABEL);
        FieldLimits.text(problems, field + ".comparator", in.comparator(), FieldLimits.LABEL);
        if (FieldLimits.count(problems, field + ".levels", in.levels(), MAX_LEVELS) && in.levels() != null) {
            for (int l = 0; l < in.levels().size(); l++) {
                LevelInput level = in.levels().get(l);
                FieldLimits.text(problems, field + ".levels[" + l + "].status", level == null ? null : level.status(), FieldLimits.LABEL);
                FieldLimits.text(problems, field + ".levels[" + l + "].label", level == null ? null : level.label(), FieldLimits.LABEL);
            }
        }
    }

    private Checked check(GoalInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ScaleProblem> scaleProblems = new ArrayList<>();
        List<FieldProblem> outOfLimits = limits(input);
        if (!outOfLimits.isEmpty()) {
            return new Checked(null, outOfLimits, List.of());
        }
        Organisation organisation = input.organisation() == null ? null
                : catalogue.findOrganisation(input.organisation()).orElse(null);
        if (organisation == null) {
            problems.add(new FieldProblem("organisation", "no organisation with slug '" + input.organisation() + "'"));
        } else {
            access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, organisation.id());
        }
        boolean caseTypeGiven = input.caseType() != null && !input.caseType().isBlank();
        CaseType caseType = null;
        if (caseTypeGiven && organisation != null) {
            caseType = catalogue.findCaseType(organisation.id(), input.caseType()).orElse(null);
            if (caseType == null) {
                problems.add(new FieldProblem("caseType", organisation.name() + " has no case type '" + input.caseType() + "'"));
            }
        }
        if (input.sentence() == null || input.sentence().isBlank()) {
            problems.add(new FieldProblem("sentence", "write the goal as a plain-language sentence"));
        }
        if (input.dimension() == null || input.dimension().isBlank()) {
            problems.add(new FieldProblem("dimension", "name the dimension, e.g. faglig_kvalitet, oplevet_kvalitet or tilgaengelighed"));
        }
        Indicator indicator = indicators.indicator(input.indicator(), organisation, caseTypeGiven, problems);
        PeriodKind periodKind = parse("periodKind", input.periodKind() == null ? "year" : input.periodKind(), PeriodKind::fromCode, problems);
        Scale.Domain valueDomain = indicator == null ? Scale.Domain.NON_NEGATIVE : indicator.domain();
        Map<Period, BigDecimal> targets = targets(input.targets(), periodKind,
                indicator != null && indicator.kind() == IndicatorKind.COUNT, valueDomain, problems);
        Goal.Baseline baseline = baseline(input.baseline(), periodKind, valueDomain, problems);
        Goal.ScaleBasis basis = parse("scale.basis", input.scale() == null || input.scale().basis() == null ? "absolute"
                : input.scale().basis(), Goal.ScaleBasis::fromCode, problems);
        Scale.Domain domain = basis == Goal.ScaleBasis.PERCENT_OF_TARGET ? Scale.Domain.NON_NEGATIVE
                : indicator == null ? null : indicator.domain();
        Scale scale = scale("scale", input.scale(), domain, problems, scaleProblems);
        Scale secondaryScale = null;
        if (indicator != null && indicator.compound()) {
            secondaryScale = scale("secondaryScale", input.secondaryScale(), Scale.Domain.PERCENT, problems, scaleProblems);
            if (scale != null && secondaryScale != null && scale.kind() != secondaryScale.kind()) {
                problems.add(new FieldProblem("secondaryScale.kind", "must be the same kind of scale as the first value's"));
            }
        } else if (input.secondaryScale() != null) {
            problems.add(new FieldProblem("secondaryScale", "only a compound satisfaction goal has a second scale"));
        }
        if (basis == Goal.ScaleBasis.PERCENT_OF_TARGET && targets.isEmpty() && input.baseline() == null) {
            problems.add(new FieldProblem("scale.basis", "a scale on the share of the target needs targets or a baseline"));
        }
        if (baseline != null && !targets.isEmpty()) {
            problems.add(new FieldProblem("baseline", "give either targets per period or a baseline, not both"));
        }
        List<Goal.Milestone> milestones = milestones(input.milestones(), indicator, problems);
        int minObservations = 1;
        if (input.minObservations() != null) {
            if (input.minObservations() < 1 || input.minObservations() > MAX_MIN_OBSERVATIONS) {
                problems.add(FieldLimits.Rule.RANGE.problem("minObservations", 1, MAX_MIN_OBSERVATIONS));
            } else {
                minObservations = input.minObservations();
            }
        }
        String key = blankToNull(input.indicatorKey());
        if (key != null) {
            if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(new FieldProblem("indicatorKey", "must be a code of lower-case letters, digits and hyphens, e.g. servicemaal-byggetilladelse"));
            } else if (indicator != null && periodKind != null) {
                goals.findByIndicatorKey(key).stream().findFirst().ifPresent(other -> {
                    if (!comparable(other.indicator(), indicator) || other.periodKind() != periodKind) {
                        problems.add(new FieldProblem("indicatorKey", "'" + key + "' is used by goals that measure "
                                + other.indicator().danishDescription() + " per " + other.periodKind().code()
                                + "; goals compared under one key must measure the same indicator per the same period"));
                    }
                });
            }
        }
        Goal goal = organisation == null || indicator == null || scale == null || periodKind == null || basis == null ? null
                : new Goal(0, organisation.id(), caseType == null ? null : caseType.id(), blankToNull(input.code()),
                input.sentence() == null ? "" : input.sentence().trim(), input.dimension() == null ? "" : input.dimension().trim(),
                indicator, periodKind, scale, secondaryScale, basis, targets, baseline, milestones, key, null, null, null, Goal.State.DRAFT,
                minObservations);
        return new Checked(goal, List.copyOf(problems), List.copyOf(scaleProblems));
    }

    /**
     * Changes a goal as a new version: the input is checked like a new goal's (same organisation), the
     * new version replaces the old one everywhere, and the old one is kept, marked superseded, with
     * the institution's comments carried over.
     */
    @Transactional
    public Goal newVersion(long goalId, GoalInput input) {
        Goal old = goal(goalId);
        access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, old.organisationId());
        if (old.superseded()) {
            throw new InvalidInputException("id", "goal " + goalId + " is already replaced by a newer version; change that one");
        }
        pendingVersion(old).ifPresent(pending -> {
            throw new PendingVersionException(old.id(), pending.id());
        });
        Organisation organisation = catalogue.findOrganisation(old.organisationId()).orElseThrow();
        if (input.organisation() != null && !input.organisation().equals(organisation.slug())) {
            throw new InvalidInputException("organisation", "a new version belongs to the same organisation, " + organisation.slug());
        }
        GoalInput sameOrganisation = new GoalInput(organisation.slug(), input.caseType(), input.code(), input.sentence(), input.dimension(),
                input.indicator(), input.periodKind(), input.targets(), input.baseline(), input.scale(), input.secondaryScale(),
                input.milestones(), input.indicatorKey(), input.minObservations());
        if (publishesDirectly()) {
            goals.supersede(goalId);
        }
        Goal created = create(sameOrganisation);
        try {
            goals.linkVersion(created.id(), goalId);
        } catch (DuplicateKeyException e) {
            // Another new version was made at the same moment; this one is rolled back.
            throw new PendingVersionException(old.id(), goals.findSuccessor(goalId).map(Goal::id).orElse(0L));
        }
        audit.record("goal", goalId, old, goal(goalId));
        return goal(created.id());
    }

    /** A new version of the goal that is not published yet (a draft, submitted or approved), if there is one. */
    public java.util.Optional<Goal> pendingVersion(Goal goal) {
        return goal.superseded() ? java.util.Optional.empty() : goals.findSuccessor(goal.id()).filter(next -> !next.published());
    }

    public List<Goal> unpublished(Organisation organisation) {
        access.check(dk.klaremaal.access.AccessPolicy.Action.READ, organisation.id());
        return goals.findUnpublished(organisation.id());
    }

    /**
     * Moves a goal through its approval: the institution submits a draft; the department above it
     * approves it or sends it back to draft; then it is published (replacing the version it changes).
     */
    @Transactional
    public Goal changeState(long goalId, String to, String by) {
        Goal goal = goal(goalId);
        Goal.State target;
        try {
            target = Goal.State.fromCode(to == null ? "" : to);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", e.getMessage());
        }
        if (goal.superseded()) {
            throw new InvalidInputException("state", "goal " + goalId + " has been replaced by a newer version");
        }
        Goal.State from = goal.state();
        boolean allowed = switch (target) {
            case SUBMITTED -> from == Goal.State.DRAFT;
            case APPROVED -> from == Goal.State.SUBMITTED;
            case DRAFT -> from == Goal.State.SUBMITTED || from == Goal.State.APPROVED;
            case PUBLISHED -> from == Goal.State.APPROVED;
        };
        if (!allowed) {
            throw new InvalidInputException("state", "a goal that is " + from.code() + " cannot become " + target.code()
                    + "; the way is draft → submitted → approved → published");
        }
        if (target == Goal.State.APPROVED || (target == Goal.State.DRAFT && from == Goal.State.SUBMITTED)) {
            if (!access.allows(dk.klaremaal.access.AccessPolicy.Action.APPROVE, goal.organisationId())) {
                throw new dk.klaremaal.platform.ForbiddenException("Goals are approved (or sent back) by the department above the organisation, "
                        + "not by the organisation itself");
            }
        } else if (target == Goal.State.SUBMITTED) {
            access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, goal.organisationId());
        } else if (!access.allows(dk.klaremaal.access.AccessPolicy.Action.APPROVE, goal.organisationId())) {
            access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, goal.organisationId());
        }
        if (target == Goal.State.PUBLISHED && goal.previousId() != null) {
            goals.supersede(goal.previousId());
        }
        goals.changeState(goalId, target, by);
        Goal changed = goal(goalId);
        audit.record("goal", goalId, goal, changed);
        return changed;
    }

    /**
     * Goals sent by the application itself or by an API token for all organisations are published at
     * once (they come from systems that hold the approved goals); everyone else's wait for approval.
     */
    private boolean publishesDirectly() {
        return !access.person() && access.allowsEverywhere(dk.klaremaal.access.AccessPolicy.Action.ADMINISTER);
    }

    /** A stored goal written back as input, as the editor starts from when the goal is changed. */
    public GoalInput asInput(Goal goal) {
        Organisation organisation = catalogue.findOrganisation(goal.organisationId()).orElseThrow();
        String caseType = goal.caseTypeId() == null ? null : catalogue.findCaseType(goal.caseTypeId()).map(CaseType::code).orElse(null);
        Indicator i = goal.indicator();
        String[] sources = goals.sourceCodes(i);
        GoalInput.IndicatorInput indicator = new GoalInput.IndicatorInput(i.kind().code(), i.statistic().code(), i.percentile(),
                i.withinDays(), i.withinSeconds(), i.dayUnit() == null ? null : i.dayUnit().code(),
                i.valueUnit() == null ? null : i.valueUnit().code(), i.channel(), i.outcome(), sources[0], sources[1], i.scoreLevel(),
                i.secondaryScoreLevel(), sources[2], sources[3], sources[4],
                i.serviceId() == null ? null : catalogue.findServiceCode(i.serviceId()).orElse(null));
        List<TargetInput> targets = goal.targets().entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(Period::start))).map(e -> new TargetInput(e.getKey().key(), e.getValue())).toList();
        Goal.Baseline b = goal.baseline();
        GoalInput.BaselineInput baseline = b == null ? null : new GoalInput.BaselineInput(b.period().key(), b.value(),
                b.changeNumerator().stripTrailingZeros().toPlainString() + "/" + b.changeDenominator().stripTrailingZeros().toPlainString());
        List<GoalInput.MilestoneInput> milestones = goal.milestones().stream()
                .map(m -> new GoalInput.MilestoneInput(m.title(), m.dueOn().toString())).toList();
        return new GoalInput(organisation.slug(), caseType, goal.code(), goal.sentence(), goal.dimension(), indicator, goal.periodKind().code(),
                targets, baseline, asInput(goal.scale(), goal.scaleBasis()), goal.secondaryScale() == null ? null
                : asInput(goal.secondaryScale(), null), milestones, goal.indicatorKey(), goal.minObservations());
    }

    private static ScaleInput asInput(Scale scale, Goal.ScaleBasis basis) {
        return new ScaleInput(scale.kind().code(), scale.direction().code(), basis == null ? null : basis.code(), null, null,
                scale.levels().stream().map(l -> new LevelInput(l.status().code(), l.label(),
                        l.lower() == null ? null : new BoundInput(l.lower().value(), l.lower().inclusive()),
                        l.upper() == null ? null : new BoundInput(l.upper().value(), l.upper().inclusive()))).toList());
    }

    /** The earlier versions of a goal, newest first. */
    public List<Goal> earlierVersions(Goal goal) {
        List<Goal> versions = new ArrayList<>();
        Long previous = goal.previousId();
        while (previous != null) {
            Goal version = goal(previous);
            versions.add(version);
            previous = version.previousId();
        }
        return versions;
    }

    /** The version that replaced this one, if any. */
    public java.util.Optional<Goal> successor(Goal goal) {
        return goals.findSuccessor(goal.id());
    }

    public record MilestoneProgress(String doneOn, String evidence, String reportedBy) {
    }

    /** Records that a milestone was done (or, with no date, that it is not done after all), with evidence and who says so. */
    @Transactional
    public Goal markMilestone(long goalId, int position, MilestoneProgress input, String sender) {
        Goal goal = goal(goalId);
        access.check(dk.klaremaal.access.AccessPolicy.Action.REPORT, goal.organisationId());
        if (goal.milestones().stream().noneMatch(m -> m.position() == position)) {
            throw new NotFoundException("Goal " + goalId + " has no milestone " + position);
        }
        List<FieldProblem> problems = new ArrayList<>();
        FieldLimits.text(problems, "doneOn", input.doneOn(), FieldLimits.LABEL);
        FieldLimits.lines(problems, "evidence", input.evidence(), FieldLimits.TEXT);
        FieldLimits.text(problems, "reportedBy", input.reportedBy(), FieldLimits.NAME);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        java.time.LocalDate doneOn = null;
        if (input.doneOn() != null && !input.doneOn().isBlank()) {
            try {
                doneOn = java.time.LocalDate.parse(input.doneOn());
                if (doneOn.getYear() < FIRST_YEAR || doneOn.getYear() > LAST_YEAR) {
                    problems.add(FieldLimits.Rule.RANGE.problem("doneOn", FIRST_YEAR + "-01-01", LAST_YEAR + "-12-31"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("doneOn", "give the day it was done, such as 2019-03-28"));
            }
        }
        if (input.reportedBy() == null || input.reportedBy().isBlank()) {
            problems.add(new FieldProblem("reportedBy", "name the person who reports the milestone"));
        }
        if (doneOn != null && (input.evidence() == null || input.evidence().isBlank())) {
            problems.add(new FieldProblem("evidence", "say what shows the milestone was reached, e.g. a decision or a link"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = input.reportedBy().trim() + (sender == null ? "" : " (" + sender + ")");
        goals.markMilestone(goalId, position, doneOn, doneOn == null ? null : input.evidence().trim(), by);
        Goal changed = goal(goalId);
        audit.record("goal", goalId, goal, changed);
        return changed;
    }

    /** Same kind, statistic, unit and parameters; the sources (case type, survey …) are each organisation's own. */
    private static boolean comparable(Indicator a, Indicator b) {
        return a.kind() == b.kind() && a.statistic() == b.statistic() && a.valueUnit() == b.valueUnit() && a.dayUnit() == b.dayUnit()
                && java.util.Objects.equals(a.withinDays(), b.withinDays()) && java.util.Objects.equals(a.withinSeconds(), b.withinSeconds())
                && java.util.Objects.equals(a.scoreLevel(), b.scoreLevel())
                && (a.serviceId() == null) == (b.serviceId() == null)
                && (a.percentile() == null ? b.percentile() == null : b.percentile() != null && a.percentile().compareTo(b.percentile()) == 0);
    }

    private static Goal.Baseline baseline(GoalInput.BaselineInput in, PeriodKind kind, Scale.Domain domain, List<FieldProblem> problems) {
        if (in == null) {
            return null;
        }
        Period period = null;
        try {
            period = Period.parse(in.period());
            if (!plausible(period)) {
                problems.add(FieldLimits.Rule.RANGE.problem("baseline.period", FIRST_YEAR, LAST_YEAR));
                period = null;
            } else if (kind != null && period.kind() != kind) {
                problems.add(new FieldProblem("baseline.period", "'" + in.period() + "' is not a " + kind.code() + " like the goal's periods"));
                period = null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("baseline.period", e.getMessage()));
        }
        BigDecimal[] change = change(in.change());
        if (change == null) {
            problems.add(new FieldProblem("baseline.change",
                    "give the change from the baseline as a fraction such as -1/3 or a percentage such as -20%"));
        } else if (!plausibleChange(change)) {
            problems.add(FieldLimits.Rule.CHANGE.problem("baseline.change"));
            change = null;
        }
        if (in.value() != null && in.value().signum() < 0) {
            problems.add(new FieldProblem("baseline.value", "must not be negative"));
        } else {
            FieldLimits.range(problems, "baseline.value", in.value(), BigDecimal.ZERO, largest(domain));
        }
        return period == null || change == null ? null : new Goal.Baseline(period, in.value(), change[0], change[1]);
    }

    /** Within −100 % … +1000 %, each part a number of at most {@value FieldLimits#DECIMALS} decimals below 10¹². */
    private static boolean plausibleChange(BigDecimal[] change) {
        List<FieldProblem> ignored = new ArrayList<>();
        BigDecimal largest = FieldLimits.LARGEST;
        if (!FieldLimits.range(ignored, "", change[0], largest.negate(), largest) || !FieldLimits.range(ignored, "", change[1], BigDecimal.ZERO, largest)) {
            return false;
        }
        return change[0].compareTo(change[1].multiply(LEAST_CHANGE)) >= 0 && change[0].compareTo(change[1].multiply(GREATEST_CHANGE)) <= 0;
    }

    private static boolean plausible(Period period) {
        return period.start().getYear() >= FIRST_YEAR && period.start().getYear() <= LAST_YEAR;
    }

    private static BigDecimal largest(Scale.Domain domain) {
        return domain.upper() == null ? FieldLimits.LARGEST : domain.upper().value();
    }

    /** "-1/3" → {-1, 3}; "-20%" → {-20, 100}; "0.5" → {0.5, 1}. Null when unreadable. */
    static BigDecimal[] change(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.replace(" ", "").replace('−', '-');
        try {
            if (t.endsWith("%")) {
                return new BigDecimal[]{new BigDecimal(t.substring(0, t.length() - 1)), BigDecimal.valueOf(100)};
            }
            int slash = t.indexOf('/');
            if (slash > 0) {
                BigDecimal den = new BigDecimal(t.substring(slash + 1));
                return den.signum() <= 0 ? null : new BigDecimal[]{new BigDecimal(t.substring(0, slash)), den};
            }
            return new BigDecimal[]{new BigDecimal(t), BigDecimal.ONE};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Goal.Milestone> milestones(List<GoalInput.MilestoneInput> in, Indicator indicator, List<FieldProblem> problems) {
        boolean needed = indicator != null && indicator.kind() == IndicatorKind.MILESTONES;
        List<GoalInput.MilestoneInput> items = in == null ? List.of() : in;
        if (needed && items.isEmpty()) {
            problems.add(new FieldProblem("milestones", "a milestone goal needs at least one milestone with a title and a due date"));
        } else if (!needed && !items.isEmpty() && indicator != null) {
            problems.add(new FieldProblem("milestones", "only a milestone goal has milestones"));
        }
        List<Goal.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            GoalInput.MilestoneInput m = items.get(i);
            if (m == null) {
                problems.add(new FieldProblem("milestones[" + i + "]", "is missing"));
                continue;
            }
            if (m.title() == null || m.title().isBlank()) {
                problems.add(new FieldProblem("milestones[" + i + "].title", "is missing"));
            }
            java.time.LocalDate due;
            try {
                due = java.time.LocalDate.parse(m.due());
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("milestones[" + i + "].due", "give the due date, such as 2019-03-31"));
                continue;
            }
            if (due.getYear() < FIRST_YEAR || due.getYear() > LAST_YEAR) {
                problems.add(FieldLimits.Rule.RANGE.problem("milestones[" + i + "].due", FIRST_YEAR + "-01-01", LAST_YEAR + "-12-31"));
            } else {
                milestones.add(new Goal.Milestone(i, m.title() == null ? "" : m.title().trim(), due, null, null, null, null));
            }
        }
        return milestones;
    }

    /**
     * Targets per period of the goal's kind; a target for a whole year also applies to each shorter
     * period in it, except for counts, where a year's number is not a quarter's.
     */
    private static Map<Period, BigDecimal> targets(List<TargetInput> in, PeriodKind kind, boolean counts, Scale.Domain domain,
                                                   List<FieldProblem> problems) {
        Map<Period, BigDecimal> targets = new HashMap<>();
        if (in == null) {
            return targets;
        }
        for (int i = 0; i < in.size(); i++) {
            TargetInput t = in.get(i);
            String field = "targets[" + i + "]";
            if (t == null) {
                problems.add(new FieldProblem(field, "is missing"));
                continue;
            }
            try {
                Period period = Period.parse(t.period());
                boolean yearForShorter = period.kind() == PeriodKind.YEAR && !counts;
                if (!plausible(period)) {
                    problems.add(FieldLimits.Rule.RANGE.problem(field + ".period", FIRST_YEAR, LAST_YEAR));
                } else if (kind != null && period.kind() != kind && !yearForShorter) {
                    problems.add(new FieldProblem(field + ".period", "'" + t.period() + "' is not a " + kind.code() + " like the goal's periods"
                            + (counts && period.kind() == PeriodKind.YEAR ? " (a year's count is not a target for a shorter period)" : "")));
                } else if (t.value() == null) {
                    problems.add(new FieldProblem(field + ".value", "is missing"));
                } else if (!FieldLimits.range(problems, field + ".value", t.value(), BigDecimal.ZERO, largest(domain))) {
                    continue;
                } else if (targets.put(period, t.value()) != null) {
                    problems.add(new FieldProblem(field + ".period", "period " + t.period() + " has two targets"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".period", e.getMessage()));
            }
        }
        return targets;
    }

    private static Scale scale(String field, ScaleInput in, Scale.Domain domain, List<FieldProblem> problems,
                               List<ScaleProblem> scaleProblems) {
        if (in == null) {
            problems.add(new FieldProblem(field, "is missing"));
            return null;
        }
        ScaleKind kind = parse(field + ".kind", in.kind(), ScaleKind::fromCode, problems);
        if (kind == null || domain == null) {
            return null;
        }
        Scale scale;
        if (in.levels() == null || in.levels().isEmpty()) {
            if (kind != ScaleKind.BINARY || in.comparator() == null || in.threshold() == null) {
                problems.add(new FieldProblem(field + ".levels", "give the levels, or for a binary scale a comparator and threshold"));
                return null;
            }
            if (!FieldLimits.range(problems, field + ".threshold", in.threshold(), FieldLimits.LARGEST.negate(), FieldLimits.LARGEST)) {
                return null;
            }
            try {
                scale = Scale.binary(in.comparator(), in.threshold(), domain);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".comparator", e.getMessage()));
                return null;
            }
        } else {
            Direction direction = parse(field + ".direction", in.direction(), Direction::fromCode, problems);
            List<ScaleLevel> levels = new ArrayList<>();
            for (int i = 0; i < in.levels().size(); i++) {
                LevelInput l = in.levels().get(i);
                String at = field + ".levels[" + i + "]";
                if (l == null) {
                    problems.add(new FieldProblem(at, "is missing"));
                    continue;
                }
                Status status = parse(at + ".status", l.status(), Status::fromCode, problems);
                boolean lower = FieldLimits.range(problems, at + ".lower.value", l.lower() == null ? null : l.lower().value(),
                        FieldLimits.LARGEST.negate(), FieldLimits.LARGEST);
                boolean upper = FieldLimits.range(problems, at + ".upper.value", l.upper() == null ? null : l.upper().value(),
                        FieldLimits.LARGEST.negate(), FieldLimits.LARGEST);
                if (status != null && lower && upper) {
                    levels.add(new ScaleLevel(status, blankToNull(l.label()), bound(l.lower()), bound(l.upper())));
                }
            }
            if (direction == null || levels.size() != in.levels().size()) {
                return null;
            }
            scale = new Scale(kind, direction, levels);
        }
        List<ScaleProblem> found = scale.problems(domain);
        found.forEach(p -> problems.add(new FieldProblem(field, p.english())));
        scaleProblems.addAll(found);
        return found.isEmpty() ? scale : null;
    }

    private static Bound bound(BoundInput in) {
        return in == null || in.value() == null ? null : new Bound(in.value(), in.inclusive() == null || in.inclusive());
    }

    static <T> T parse(String field, String code, Function<String, T> parser, List<FieldProblem> problems) {
        if (code == null) {
            problems.add(new FieldProblem(field, "is missing"));
            return null;
        }
        try {
            return parser.apply(code);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
