package dk.klaremaal.measurement;

import dk.klaremaal.goals.Fraction;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.Indicator;
import dk.klaremaal.goals.IndicatorKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Satisfaction statistics from the number of respondents at each answer: individual answers count
 * in the range holding the day they were given, reported aggregates in a range that holds their
 * whole period.
 */
@Repository
class SurveyStatisticsRepository implements IndicatorCalculator {

    /** The last day of a row's (period_kind, period_start). */
    static final String PERIOD_END = """
            (period_start + case period_kind when 'year' then interval '1 year' when 'half' then interval '6 months'
                                             when 'quarter' then interval '3 months' else interval '1 month' end
                          - interval '1 day')::date""";

    private final JdbcClient jdbc;

    SurveyStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<IndicatorKind> kinds() {
        return Set.of(IndicatorKind.SATISFACTION);
    }

    @Override
    public Optional<LocalDate> firstDate(Goal goal) {
        return jdbc.sql("""
                        select min(d) from (select min(answered_on) as d from survey_response where survey_question_id = :q
                                            union all
                                            select min(period_start) from survey_aggregate where survey_question_id = :q) firsts""")
                .param("q", goal.indicator().surveyQuestionId()).query(LocalDate.class).optional();
    }

    @Override
    public List<Measurement> measure(Goal goal, List<DateRange> ranges) {
        long[][] counts = counts(goal.indicator().surveyQuestionId(), ranges);
        List<Measurement> result = new ArrayList<>();
        for (long[] byScore : counts) {
            result.add(measurement(goal.indicator(), byScore));
        }
        return result;
    }

    /** The value from the number of respondents at each answer ({@code byScore[s]} answered s; index 0 unused). */
    static Measurement measurement(Indicator ind, long[] byScore) {
        long n = 0;
        long sum = 0;
        for (int s = 1; s < byScore.length; s++) {
            n += byScore[s];
            sum += s * byScore[s];
        }
        if (n == 0) {
            return null;
        }
        return switch (ind.statistic()) {
            case MEAN -> Measurement.of(n, Fraction.of(sum, n));
            case SHARE_AT_LEAST -> Measurement.of(n, Fraction.percent(atLeast(byScore, ind.scoreLevel()), n));
            default -> {
                long satisfied = atLeast(byScore, ind.scoreLevel());
                Fraction ofWhom = satisfied == 0 ? Fraction.of(BigDecimal.ZERO)
                        : Fraction.percent(atLeast(byScore, ind.secondaryScoreLevel()), satisfied);
                yield Measurement.of(n, Fraction.percent(satisfied, n), ofWhom);
            }
        };
    }

    private static long atLeast(long[] byScore, int level) {
        long count = 0;
        for (int s = level; s < byScore.length; s++) {
            count += byScore[s];
        }
        return count;
    }

    private long[][] counts(long questionId, List<DateRange> ranges) {
        int max = jdbc.sql("select s.scale_max from survey s join survey_question q on q.survey_id = s.id where q.id = ?")
                .param(questionId).query(Integer.class).single();
        long[][] counts = new long[ranges.size()][max + 1];
        jdbc.sql("""
                        select r.i, a.score, sum(a.n) from %s
                        join (select answered_on as first_day, answered_on as last_day, score, 1 as n
                              from survey_response where survey_question_id = :q
                              union all
                              select period_start, %s, score, respondents
                              from survey_aggregate where survey_question_id = :q) a
                          on a.first_day >= r.from_day and a.last_day <= r.to_day
                        group by r.i, a.score""".formatted(DateRange.SQL, PERIOD_END))
                .param("froms", DateRange.froms(ranges))
                .param("tos", DateRange.tos(ranges))
                .param("q", questionId)
                .query((rs, i) -> counts[rs.getInt(1) - 1][rs.getInt(2)] = rs.getLong(3))
                .list();
        return counts;
    }
}
