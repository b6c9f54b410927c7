package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.catalogue.Survey;
import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes individual survey answers in. An answer is identified by its response id and question; an
 * exact re-send is a duplicate, a changed answer is refused. Answers may not fall in a period for
 * which an aggregate of the same question is reported. All rows are stored or none.
 */
@Service
public class SurveyResponseIngestService implements Dataset {

    public static final List<String> COLUMNS = List.of("response_id", "organisation", "survey", "question", "answered_on", "score");

    private static final List<String> KEY = List.of("organisation_id", "response_id", "survey_question_id");
    private static final List<String> COMPARED = List.of("answered_on", "score");

    private final RowOrganisations rowOrganisations;
    private final SourceRepository sources;
    private final Staging staging;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SurveyResponseIngestService(SourceRepository sources, Staging staging, JdbcClient jdbc, Clock clock,
                                       RowOrganisations rowOrganisations) {
        this.sources = sources;
        this.staging = staging;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rowOrganisations = rowOrganisations;
    }

    @Override
    public String name() {
        return DatasetNames.SURVEY_RESPONSES;
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    private record SurveyKey(long organisationId, String code) {
    }

    @Override
    @Transactional
    public IngestReport ingest(Iterable<RawRow> rows, String sender) {
        RowErrors errors = new RowErrors();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        // Read before the rows: while they are copied in, the transaction's connection is busy.
        Map<SurveyKey, Survey> surveys = new HashMap<>();
        sources.findAllSurveys().forEach(s -> surveys.put(new SurveyKey(s.organisationId(), s.code()), s));
        StagedRows staged = staging.create("incoming_survey_response", List.of("organisation_id bigint", "response_id text",
                "survey_question_id bigint", "question text", "answered_on date", "score integer"));
        int count = staged.copy(rows, raw -> checked(raw, organisations, surveys, errors));
        int duplicates = staged.dropRepeats(KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("response_id"), "response_id", rs.getString("response_id"),
                        "response " + rs.getString("response_id") + " answers question " + rs.getString("question")
                                + " differently on row " + rs.getInt("earlier_row")), errors);
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.SURVEYS, 0);
        duplicates += staged.dropResends("survey_response", KEY, COMPARED, null,
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("response_id"), "response_id", rs.getString("response_id"),
                        "this response is already stored with answer " + rs.getInt("stored_score") + " on "
                                + rs.getObject("stored_answered_on", LocalDate.class)), errors);
        staged.dropRefused("aggregated", """
                select i.ctid as tid, i.row, i.response_id, i.answered_on, a.period from %s i
                cross join lateral (
                    select period_kind || ' from ' || period_start as period from survey_aggregate
                    where survey_question_id = i.survey_question_id and period_start <= i.answered_on and %s >= i.answered_on
                    limit 1) a""".formatted(staged.table(), SurveyStatisticsRepository.PERIOD_END),
                (rs, n) -> new RowError(rs.getInt("row"), rs.getString("response_id"), "answered_on", rs.getString("answered_on"),
                        "an aggregate is already reported for this question for the " + rs.getString("period")
                                + "; send answers or the aggregate, not both"), errors);
        if (!errors.isEmpty()) {
            return errors.report(count, duplicates);
        }
        int accepted = staged.update("""
                insert into survey_response (organisation_id, response_id, survey_question_id, answered_on, score)
                select organisation_id, response_id, survey_question_id, answered_on, score from %s""".formatted(staged.table()));
        return IngestReport.stored(count, accepted, duplicates);
    }

    /** The row's values to stage; null when the row is refused. */
    private Object[] checked(RawRow raw, RowOrganisations.Lookup organisations, Map<SurveyKey, Survey> surveys, RowErrors errors) {
        RowFields row = new RowFields(raw, "response_id", errors.list());
        String responseId = row.text("response_id", true);
        String surveyCode = row.text("survey", true);
        String questionCode = row.text("question", true);
        LocalDate answeredOn = MeasurementRanges.date(row, "answered_on", true, clock);
        Integer score = row.integer("score", true, 1, 11);
        Organisation organisation = organisations.organisation(row);
        Survey survey = null;
        if (organisation != null && surveyCode != null) {
            survey = surveys.get(new SurveyKey(organisation.id(), surveyCode));
            if (survey == null) {
                row.fail("survey", organisation.name() + " has no survey with this code");
            }
        }
        Survey.Question question = null;
        if (survey != null && questionCode != null) {
            question = survey.questions().stream().filter(q -> q.code().equals(questionCode)).findFirst().orElse(null);
            if (question == null) {
                row.fail("question", "survey " + survey.code() + " has no question with this code");
            }
        }
        if (survey != null && score != null && score > survey.scaleMax()) {
            row.fail("score", "survey " + survey.code() + " has answers 1 to " + survey.scaleMax());
        }
        if (!row.ok()) {
            return null;
        }
        return new Object[] {organisation.id(), responseId, question.id(), questionCode, answeredOn, score};
    }
}
