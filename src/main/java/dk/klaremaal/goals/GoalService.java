package dk.klaremaal.goals;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.GoalInput.BoundInput;
import dk.klaremaal.goals.GoalInput.LevelInput;
import dk.klaremaal.goals.GoalInput.ScaleInput;
import dk.klaremaal.goals.GoalInput.TargetInput;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class GoalService {

    private final GoalRepository goals;
    private final CatalogueRepository catalogue;

    public GoalService(GoalRepository goals, CatalogueRepository catalogue) {
        this.goals = goals;
        this.catalogue = catalogue;
    }

    public Goal goal(long id) {
        return goals.find(id).orElseThrow(() -> new NotFoundException("No goal with id " + id));
    }

    public List<Goal> goalsOf(Organisation organisation) {
        return goals.findByOrganisation(organisation.id());
    }

    /** Checks every field and the scale's coverage; refuses the goal with all problems found, or stores it. */
    @Transactional
    public Goal create(GoalInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        Organisation organisation = input.organisation() == null ? null
                : catalogue.findOrganisation(input.organisation()).orElse(null);
        if (organisation == null) {
            problems.add(new FieldProblem("organisation", "no organisation with slug '" + input.organisation() + "'"));
        }
        CaseType caseType = null;
        if (input.caseType() == null || input.caseType().isBlank()) {
            problems.add(new FieldProblem("caseType", "a processing-time goal needs the code of the case type it measures"));
        } else if (organisation != null) {
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
        Indicator indicator = indicator(input.indicator(), problems);
        PeriodKind periodKind = parse("periodKind", input.periodKind() == null ? "year" : input.periodKind(), PeriodKind::fromCode, problems);
        Map<Period, BigDecimal> targets = targets(input.targets(), periodKind, problems);
        Scale scale = scale(input.scale(), indicator, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Goal goal = new Goal(0, organisation.id(), caseType.id(), blankToNull(input.code()), input.sentence().trim(),
                input.dimension().trim(), indicator, periodKind, scale, targets);
        return goal(goals.insert(goal));
    }

    private static Indicator indicator(GoalInput.IndicatorInput in, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem("indicator", "is missing"));
            return null;
        }
        if (in.kind() != null && !in.kind().equals("processing_time")) {
            problems.add(new FieldProblem("indicator.kind", "only processing_time is supported"));
        }
        Indicator.Statistic statistic = parse("indicator.statistic", in.statistic(), Indicator.Statistic::fromCode, problems);
        Indicator.DayUnit dayUnit = parse("indicator.dayUnit", in.dayUnit() == null ? "calendar" : in.dayUnit(), Indicator.DayUnit::fromCode, problems);
        String defaultUnit = statistic == Indicator.Statistic.SHARE_WITHIN ? "percent" : "days";
        Indicator.ValueUnit valueUnit = parse("indicator.valueUnit", in.valueUnit() == null ? defaultUnit : in.valueUnit(),
                Indicator.ValueUnit::fromCode, problems);
        if (statistic == null || dayUnit == null || valueUnit == null) {
            return null;
        }
        int before = problems.size();
        if (statistic == Indicator.Statistic.PERCENTILE
                && (in.percentile() == null || in.percentile().signum() <= 0 || in.percentile().compareTo(new BigDecimal(100)) >= 0)) {
            problems.add(new FieldProblem("indicator.percentile", "a percentile goal needs a percentile above 0 and below 100, e.g. 80"));
        }
        if (statistic == Indicator.Statistic.SHARE_WITHIN) {
            if (in.withinDays() == null || in.withinDays() < 0) {
                problems.add(new FieldProblem("indicator.withinDays", "a share-within goal needs the number of days, 0 or more"));
            }
            if (valueUnit != Indicator.ValueUnit.PERCENT) {
                problems.add(new FieldProblem("indicator.valueUnit", "a share is given in percent"));
            }
        } else if (valueUnit == Indicator.ValueUnit.PERCENT) {
            problems.add(new FieldProblem("indicator.valueUnit", "a processing time is given in days or weeks"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Indicator(statistic, statistic == Indicator.Statistic.PERCENTILE ? in.percentile() : null,
                statistic == Indicator.Statistic.SHARE_WITHIN ? in.withinDays() : null, dayUnit, valueUnit);
    }

    private static Map<Period, BigDecimal> targets(List<TargetInput> in, PeriodKind kind, List<FieldProblem> problems) {
        Map<Period, BigDecimal> targets = new HashMap<>();
        if (in == null) {
            return targets;
        }
        for (int i = 0; i < in.size(); i++) {
            TargetInput t = in.get(i);
            String field = "targets[" + i + "]";
            try {
                Period period = Period.parse(t.period());
                if (kind != null && period.kind() != kind) {
                    problems.add(new FieldProblem(field + ".period", "'" + t.period() + "' is not a " + kind.code() + " like the goal's periods"));
                } else if (t.value() == null) {
                    problems.add(new FieldProblem(field + ".value", "is missing"));
                } else if (targets.put(period, t.value()) != null) {
                    problems.add(new FieldProblem(field + ".period", "period " + t.period() + " has two targets"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".period", e.getMessage()));
            }
        }
        return targets;
    }

    private static Scale scale(ScaleInput in, Indicator indicator, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem("scale", "is missing"));
            return null;
        }
        ScaleKind kind = parse("scale.kind", in.kind(), ScaleKind::fromCode, problems);
        if (kind == null || indicator == null) {
            return null;
        }
        Scale scale;
        if (in.levels() == null || in.levels().isEmpty()) {
            if (kind != ScaleKind.BINARY || in.comparator() == null || in.threshold() == null) {
                problems.add(new FieldProblem("scale.levels", "give the levels, or for a binary scale a comparator and threshold"));
                return null;
            }
            try {
                scale = Scale.binary(in.comparator(), in.threshold(), indicator.domain());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("scale.comparator", e.getMessage()));
                return null;
            }
        } else {
            Direction direction = parse("scale.direction", in.direction(), Direction::fromCode, problems);
            List<ScaleLevel> levels = new ArrayList<>();
            for (int i = 0; i < in.levels().size(); i++) {
                LevelInput l = in.levels().get(i);
                Status status = parse("scale.levels[" + i + "].status", l.status(), Status::fromCode, problems);
                if (status != null) {
                    levels.add(new ScaleLevel(status, blankToNull(l.label()), bound(l.lower()), bound(l.upper())));
                }
            }
            if (direction == null || levels.size() != in.levels().size()) {
                return null;
            }
            scale = new Scale(kind, direction, levels);
        }
        scale.problems(indicator.domain()).forEach(p -> problems.add(new FieldProblem("scale", p.english())));
        return scale;
    }

    private static Bound bound(BoundInput in) {
        return in == null || in.value() == null ? null : new Bound(in.value(), in.inclusive() == null || in.inclusive());
    }

    private static <T> T parse(String field, String code, Function<String, T> parser, List<FieldProblem> problems) {
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
