package dk.klaremaal.publication;

import dk.klaremaal.catalogue.CaseType;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.IndicatorKind;
import dk.klaremaal.goals.Period;
import dk.klaremaal.measurement.DateRange;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ServiceGoalStatisticsRepository;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A service-goal goal's categories as municipalities publish them: each case type with its service goal, and in a
 * period its decided cases, the share within its service goal and its mean processing time.
 */
@Component
public class ServiceGoalCategories {

    /**
     * One case type in one period; share and mean (written with one decimal in the page's language) are null without
     * decided cases. A withheld row is a sensitive case type's on fewer than {@link CaseType#FEWEST_PUBLISHED} cases:
     * its cases, share and mean are not published (cases, share and mean are null).
     */
    public record Row(String code, String name, int serviceGoalDays, Long cases, String share, String mean, boolean withheld) {
    }

    /** The period shown and its rows. */
    public record Table(Period period, List<Row> rows) {
    }

    private final ServiceGoalStatisticsRepository statistics;
    private final dk.klaremaal.catalogue.ServiceGoalService serviceGoals;

    ServiceGoalCategories(ServiceGoalStatisticsRepository statistics, dk.klaremaal.catalogue.ServiceGoalService serviceGoals) {
        this.statistics = statistics;
        this.serviceGoals = serviceGoals;
    }

    /**
     * For a service-goal goal, its categories in the latest ended period with a result (the current one when no ended
     * period has one); otherwise null.
     */
    public Table of(Goal goal, List<GoalResult> results) {
        if (goal.indicator().kind() != IndicatorKind.SERVICE_GOAL) {
            return null;
        }
        Period period = results.reversed().stream().filter(r -> r.measured() && !r.provisional()).map(GoalResult::period).findFirst()
                .or(() -> results.reversed().stream().filter(GoalResult::measured).map(GoalResult::period).findFirst())
                .orElse(results.isEmpty() ? null : results.getLast().period());
        if (period == null) {
            return new Table(null, serviceGoals.ofService(goal.indicator().serviceId()).stream()
                    .map(g -> new Row(g.code(), g.name(), g.days(), 0L, null, null, false)).toList());
        }
        return new Table(period, statistics.byCaseType(goal.indicator().serviceId(), new DateRange(period.start(), period.end())).stream()
                .map(ServiceGoalCategories::row)
                .toList());
    }

    private static Row row(ServiceGoalStatisticsRepository.CaseTypeFigures f) {
        long cases = f.aggregate().cases();
        if (f.sensitive() && cases < CaseType.FEWEST_PUBLISHED) {
            return new Row(f.code(), f.name(), f.serviceGoalDays(), null, null, null, true);
        }
        return new Row(f.code(), f.name(), f.serviceGoalDays(), cases,
                cases == 0 ? null : oneDecimal(f.aggregate().share().decimal()),
                cases == 0 ? null : oneDecimal(f.aggregate().mean().decimal()), false);
    }

    private static String oneDecimal(BigDecimal value) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.0", java.text.DecimalFormatSymbols.getInstance(
                dk.klaremaal.platform.LanguageConfiguration.english() ? java.util.Locale.UK : java.util.Locale.forLanguageTag("da-DK")));
        return format.format(value.setScale(1, java.math.RoundingMode.HALF_UP));
    }
}
