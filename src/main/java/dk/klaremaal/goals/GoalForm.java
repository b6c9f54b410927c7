package dk.klaremaal.goals;

import dk.klaremaal.goals.GoalInput.BaselineInput;
import dk.klaremaal.goals.GoalInput.BoundInput;
import dk.klaremaal.goals.GoalInput.IndicatorInput;
import dk.klaremaal.goals.GoalInput.LevelInput;
import dk.klaremaal.goals.GoalInput.MilestoneInput;
import dk.klaremaal.goals.GoalInput.ScaleInput;
import dk.klaremaal.goals.GoalInput.TargetInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The goal editor's form as a {@link GoalInput}: the form always offers a fixed number of rows for
 * targets, levels and milestones, so the empty ones are dropped, empty fields read as not given, and
 * an untouched baseline or second scale as none. The editor also shows a few empty rows to fill in.
 */
final class GoalForm {

    static final int TARGET_ROWS = 4;
    static final int LEVEL_ROWS = 3;
    static final int MILESTONE_ROWS = 6;

    private GoalForm() {
    }

    static GoalInput clean(GoalInput in) {
        IndicatorInput i = in.indicator();
        IndicatorInput indicator = i == null ? null : new IndicatorInput(text(i.kind()), text(i.statistic()), i.percentile(), i.withinDays(),
                i.withinSeconds(), text(i.dayUnit()), text(i.valueUnit()), text(i.channel()), text(i.outcome()), text(i.survey()),
                text(i.question()), i.scoreLevel(), i.secondaryScoreLevel(), text(i.system()), text(i.series()), text(i.denominatorSeries()),
                text(i.service()));
        List<TargetInput> targets = new ArrayList<>();
        for (TargetInput t : list(in.targets())) {
            if (t != null && (text(t.period()) != null || t.value() != null)) {
                targets.add(new TargetInput(text(t.period()), t.value()));
            }
        }
        BaselineInput b = in.baseline();
        BaselineInput baseline = b == null || (text(b.period()) == null && b.value() == null && text(b.change()) == null) ? null
                : new BaselineInput(text(b.period()), b.value(), text(b.change()));
        List<MilestoneInput> milestones = new ArrayList<>();
        for (MilestoneInput m : list(in.milestones())) {
            if (m != null && (text(m.title()) != null || text(m.due()) != null)) {
                milestones.add(new MilestoneInput(text(m.title()), text(m.due())));
            }
        }
        return new GoalInput(text(in.organisation()), text(in.caseType()), text(in.code()), in.sentence(), text(in.dimension()), indicator,
                text(in.periodKind()), targets, baseline, scale(in.scale()), scale(in.secondaryScale()),
                milestones.isEmpty() ? null : milestones, text(in.indicatorKey()), in.minObservations());
    }

    /** The input with empty rows added up to the form's row counts, for showing in the editor. */
    static GoalInput padded(GoalInput in) {
        List<TargetInput> targets = new ArrayList<>(list(in.targets()));
        while (targets.size() < TARGET_ROWS) {
            targets.add(new TargetInput(null, null));
        }
        List<MilestoneInput> milestones = new ArrayList<>(list(in.milestones()));
        while (milestones.size() < MILESTONE_ROWS) {
            milestones.add(new MilestoneInput(null, null));
        }
        return new GoalInput(in.organisation(), in.caseType(), in.code(), in.sentence(), in.dimension(), in.indicator(), in.periodKind(),
                targets, in.baseline(), paddedScale(in.scale()), paddedScale(in.secondaryScale()), milestones, in.indicatorKey(),
                in.minObservations());
    }

    private static ScaleInput paddedScale(ScaleInput in) {
        List<LevelInput> levels = new ArrayList<>(in == null ? List.of() : list(in.levels()));
        while (levels.size() < LEVEL_ROWS) {
            levels.add(new LevelInput(null, null, null, null));
        }
        return in == null ? new ScaleInput(null, null, null, null, null, levels)
                : new ScaleInput(in.kind(), in.direction(), in.basis(), in.comparator(), in.threshold(), levels);
    }

    private static ScaleInput scale(ScaleInput in) {
        if (in == null || text(in.kind()) == null) {
            return null;
        }
        List<LevelInput> levels = new ArrayList<>();
        for (LevelInput l : list(in.levels())) {
            if (l != null && text(l.status()) != null) {
                levels.add(new LevelInput(text(l.status()), text(l.label()), bound(l.lower()), bound(l.upper())));
            }
        }
        return new ScaleInput(text(in.kind()), text(in.direction()), text(in.basis()), text(in.comparator()), in.threshold(),
                levels.isEmpty() ? null : levels);
    }

    private static BoundInput bound(BoundInput in) {
        return in == null || in.value() == null ? null : in;
    }

    private static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : in;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
