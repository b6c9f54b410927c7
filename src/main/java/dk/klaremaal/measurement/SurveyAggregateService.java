package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.catalogue.Survey;
import dk.klaremaal.goals.Period;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reported survey results when the answers themselves are not available: for one question and
 * period, the number of respondents at each answer, or the total and the percentage at each answer.
 * A new report for the same question and period replaces the old one.
 * <p>
 * Ranges: counts are 0 to {@value #MOST_RESPONDENTS} each, and at least one is above 0;
 * respondents are 1 to {@value #MOST_RESPONDENTS}; percentages 0 to 100 with at most
 * {@value #PERCENT_DECIMALS} decimals; the period has begun and starts in 2000 or later; the
 * reporter's name is at most {@value #MAX_NAME} characters. Counts and percentages are not given
 * together.
 */
@Service
public class SurveyAggregateService {

    static final long MOST_RESPONDENTS = 1_000_000;
    static final int PERCENT_DECIMALS = 2;
    static final int MAX_NAME = 200;

    private final dk.klaremaal.access.AccessPolicy access;

    public record AggregateInput(String organisation, String survey, String question, String period, List<Long> counts,
                                 Long respondents, List<BigDecimal> percentages, String reportedBy) {
    }

    private final CatalogueService catalogue;
    private final SourceRepository sources;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SurveyAggregateService(CatalogueService catalogue, SourceRepository sources, JdbcClient jdbc,
                                  dk.klaremaal.access.AccessPolicy access, Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.sources = sources;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Stores the aggregate and returns the number of respondents at each answer (index 0 = answer 1). */
    @Transactional
    public List<Long> report(AggregateInput in, String sender) {
        List<FieldProblem> problems = new ArrayList<>();
        Organisation organisation = catalogue.organisation(in.organisation() == null ? "" : in.organisation());
        access.check(dk.klaremaal.access.AccessPolicy.Action.REPORT, organisation.id());
        Survey survey = in.survey() == null ? null : sources.findSurvey(organisation.id(), in.survey()).orElse(null);
        if (survey == null) {
            throw new InvalidInputException("survey", organisation.name() + " has no survey '" + in.survey() + "'");
        }
        Survey.Question question = survey.questions().stream().filter(q -> q.code().equals(in.question())).findFirst().orElse(null);
        if (question == null) {
            problems.add(new FieldProblem("question", "survey " + survey.code() + " has no question '" + in.question() + "'"));
        }
        Period period = null;
        try {
            period = Period.parse(in.period());
            if (period.start().isBefore(MeasurementRanges.EARLIEST)) {
                problems.add(new FieldProblem("period", "lies before " + MeasurementRanges.EARLIEST + ": measurements from earlier are not taken"));
                period = null;
            } else if (period.start().isAfter(LocalDate.now(clock))) {
                problems.add(new FieldProblem("period", "has not begun yet"));
                period = null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("period", e.getMessage()));
        }
        if (in.reportedBy() == null || in.reportedBy().isBlank()) {
            problems.add(new FieldProblem("reportedBy", "name the person who reports the figures"));
        } else if (in.reportedBy().trim().length() > MAX_NAME) {
            problems.add(new FieldProblem("reportedBy", "is longer than " + MAX_NAME + " characters"));
        }
        List<Long> counts = counts(in, survey.scaleMax(), problems);
        if (question != null && period != null) {
            Long overlapping = jdbc.sql("select count(*) from survey_response where survey_question_id = ? and answered_on between ? and ?")
                    .params(question.id(), Date.valueOf(period.start()), Date.valueOf(period.end())).query(Long.class).single();
            if (overlapping > 0) {
                problems.add(new FieldProblem("period", overlapping + " individual answers to this question are stored for "
                        + period.key() + "; send answers or the aggregate, not both"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from survey_aggregate where survey_question_id = ? and period_kind = ? and period_start = ?")
                .params(question.id(), period.kind().code(), Date.valueOf(period.start())).update();
        String by = in.reportedBy().trim() + (sender == null ? "" : " (" + sender + ")");
        for (int score = 1; score <= counts.size(); score++) {
            jdbc.sql("""
                            insert into survey_aggregate (survey_question_id, period_kind, period_start, score, respondents, reported_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(question.id(), period.kind().code(), Date.valueOf(period.start()), score, counts.get(score - 1), by).update();
        }
        return counts;
    }

    /**
     * The respondents at each answer. Percentages are turned into counts of the total; they must
     * add up to 100 and give whole numbers of respondents (to within rounding of one decimal).
     */
    static List<Long> counts(AggregateInput in, int scaleMax, List<FieldProblem> problems) {
        if (in.counts() != null) {
            if (in.respondents() != null || in.percentages() != null) {
                problems.add(new FieldProblem("counts", "give counts per answer, or respondents and percentages, not both"));
                return List.of();
            }
            if (in.counts().size() != scaleMax || in.counts().stream().anyMatch(c -> c == null || c < 0 || c > MOST_RESPONDENTS)) {
                problems.add(new FieldProblem("counts", "give " + scaleMax + " numbers of respondents from 0 to " + MOST_RESPONDENTS
                        + ", one per answer from 1 to " + scaleMax));
                return List.of();
            }
            if (in.counts().stream().allMatch(c -> c == 0)) {
                problems.add(new FieldProblem("counts", "are all 0: an aggregate reports at least one respondent"));
                return List.of();
            }
            return List.copyOf(in.counts());
        }
        if (in.respondents() == null || in.percentages() == null || in.percentages().size() != scaleMax
                || in.percentages().stream().anyMatch(p -> p == null)) {
            problems.add(new FieldProblem("counts", "give counts per answer, or respondents and " + scaleMax + " percentages"));
            return List.of();
        }
        if (in.respondents() < 1 || in.respondents() > MOST_RESPONDENTS) {
            problems.add(new FieldProblem("respondents", "must be between 1 and " + MOST_RESPONDENTS));
            return List.of();
        }
        if (in.percentages().stream().anyMatch(p -> p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0
                || p.stripTrailingZeros().scale() > PERCENT_DECIMALS)) {
            problems.add(new FieldProblem("percentages", "must each lie between 0 and 100, with at most " + PERCENT_DECIMALS + " decimals"));
            return List.of();
        }
        BigDecimal total = in.percentages().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
            problems.add(new FieldProblem("percentages", "add up to " + total.toPlainString() + ", not 100"));
            return List.of();
        }
        List<Long> counts = new ArrayList<>();
        BigDecimal n = BigDecimal.valueOf(in.respondents());
        for (BigDecimal p : in.percentages()) {
            counts.add(p.multiply(n).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
        }
        long sum = counts.stream().mapToLong(Long::longValue).sum();
        if (sum != in.respondents()) {
            problems.add(new FieldProblem("percentages", "give " + sum + " respondents in all, not " + in.respondents()
                    + "; send the counts per answer instead"));
        }
        return counts;
    }
}
