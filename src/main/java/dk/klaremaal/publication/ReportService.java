package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.goals.Period;
import dk.klaremaal.goals.PeriodKind;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up reports: for an organisation and a year or a quarter, every goal with its target, result,
 * status and the institution's own comment, as in an annual report and its quarterly annex.
 */
@Service
public class ReportService {

    private final dk.klaremaal.access.AccessPolicy access;

    /** One goal in a report; {@code shown} is the goal's own period that stands for the report's period. */
    public record Line(Goal goal, Period shown, GoalResult result, boolean yearToDate, String comment, String commentBy) {
    }

    public record Report(Organisation organisation, Period period, List<Line> lines, Instant generatedAt) {
        public String generatedDanish() {
            return java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy", java.util.Locale.forLanguageTag("da"))
                    .format(generatedAt.atZone(dk.klaremaal.platform.TimeConfiguration.ZONE));
        }
    }

    public record CommentInput(String comment, String writtenBy) {
    }

    private final CatalogueService catalogue;
    private final dk.klaremaal.access.AuditTrail audit;
    private final GoalService goals;
    private final ResultService results;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportService(CatalogueService catalogue, GoalService goals, ResultService results, JdbcClient jdbc, Clock clock,
                  dk.klaremaal.access.AccessPolicy access, dk.klaremaal.access.AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.goals = goals;
        this.results = results;
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    public Report report(String slug, String periodKey) {
        Organisation organisation = catalogue.organisation(slug);
        Period period;
        try {
            period = Period.parse(periodKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", e.getMessage());
        }
        if (period.kind() != PeriodKind.YEAR && period.kind() != PeriodKind.QUARTER) {
            throw new InvalidInputException("period", "reports are yearly (2025) or quarterly (2025-Q3)");
        }
        // A report exists for each period from the first year the platform knows to the current one; not before, not after.
        if (period.start().getYear() < dk.klaremaal.platform.FieldLimits.FIRST_YEAR
                || period.start().getYear() > dk.klaremaal.platform.FieldLimits.LAST_YEAR
                || period.start().isAfter(java.time.LocalDate.now(clock.withZone(dk.klaremaal.platform.TimeConfiguration.ZONE)))) {
            throw new dk.klaremaal.platform.NotFoundException(dk.klaremaal.platform.Reason.NO_REPORT.english(
                    period.key(), dk.klaremaal.platform.FieldLimits.FIRST_YEAR));
        }
        List<Line> lines = new ArrayList<>();
        for (Goal goal : goals.goalsOf(organisation)) {
            List<GoalResult> all = results.results(goal);
            Period shown = shownPeriod(goal, period);
            GoalResult result = all.stream().filter(r -> r.period().equals(shown)).findFirst().orElse(null);
            boolean yearToDate = goal.periodKind() != PeriodKind.YEAR && period.kind() == PeriodKind.YEAR;
            Optional<String[]> comment = comment(goal, period);
            lines.add(new Line(goal, shown, result, yearToDate, comment.map(c -> c[0]).orElse(null), comment.map(c -> c[1]).orElse(null)));
        }
        return new Report(organisation, period, lines, clock.instant());
    }

    /**
     * The goal's period that answers for the report's: the same period; for a goal measured in
     * shorter periods, the last one inside it (whose year-to-date value covers a whole year); for a
     * goal measured in longer periods, the one that holds it.
     */
    static Period shownPeriod(Goal goal, Period reportPeriod) {
        if (goal.periodKind() == reportPeriod.kind()) {
            return reportPeriod;
        }
        Period inside = Period.containing(goal.periodKind(), reportPeriod.end());
        return inside;
    }

    private Optional<String[]> comment(Goal goal, Period period) {
        return jdbc.sql("select comment, written_by from goal_comment where goal_id = ? and period_kind = ? and period_start = ?")
                .params(goal.id(), period.kind().code(), Date.valueOf(period.start()))
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    /** The institution's comment on a goal's result for a report period (a year or a quarter). */
    @Transactional
    public void comment(long goalId, String periodKey, CommentInput input, String sender) {
        Goal goal = goals.goal(goalId);
        access.check(dk.klaremaal.access.AccessPolicy.Action.EDIT, goal.organisationId());
        List<FieldProblem> problems = new ArrayList<>();
        Period period = null;
        try {
            period = Period.parse(periodKey);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("period", e.getMessage()));
        }
        if (input.comment() == null || input.comment().isBlank()) {
            problems.add(new FieldProblem("comment", "must not be empty"));
        } else if (input.comment().length() > 4000) {
            problems.add(new FieldProblem("comment", "must be at most 4000 characters"));
        }
        if (input.writtenBy() == null || input.writtenBy().isBlank()) {
            problems.add(new FieldProblem("writtenBy", "name the person who writes the comment"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = input.writtenBy().trim() + (sender == null ? "" : " (" + sender + ")");
        String before = comment(goal, period).map(c -> c[0]).orElse(null);
        audit.record("comment", goal.id() + "/" + period.key(), before == null ? null : java.util.Map.of("comment", before),
                java.util.Map.of("comment", input.comment().trim(), "writtenBy", by));
        jdbc.sql("""
                        insert into goal_comment (goal_id, period_kind, period_start, comment, written_by) values (?, ?, ?, ?, ?)
                        on conflict (goal_id, period_kind, period_start) do update set comment = excluded.comment,
                            written_by = excluded.written_by, written_at = now()""")
                .params(goal.id(), period.kind().code(), Date.valueOf(period.start()), input.comment().trim(), by).update();
    }
}
