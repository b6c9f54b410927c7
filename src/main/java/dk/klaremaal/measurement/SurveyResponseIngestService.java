package dk.klaremaal.measurement;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.SourceRepository;
import dk.klaremaal.catalogue.Survey;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.RowFields;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final RowOrganisations rowOrganisations;

    public static final List<String> COLUMNS = List.of("response_id", "organisation", "survey", "question", "answered_on", "score");

    private final SourceRepository sources;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public SurveyResponseIngestService(SourceRepository sources, JdbcClient jdbc, JdbcTemplate template,
                                       Clock clock, RowOrganisations rowOrganisations) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.template = template;
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

    record Answer(long organisationId, String responseId, long questionId, LocalDate answeredOn, int score) {
    }

    private record Key(long organisationId, String responseId, long questionId) {
    }

    @Override
    @Transactional
    public IngestReport ingest(List<RawRow> rows, String sender) {
        List<RowError> errors = new ArrayList<>();
        RowOrganisations.Lookup organisations = rowOrganisations.lookup();
        Map<String, Optional<Survey>> surveys = new HashMap<>();
        Map<Key, Answer> answers = new LinkedHashMap<>();
        Map<Key, Integer> rowOf = new HashMap<>();
        int duplicates = 0;
        for (RawRow raw : rows) {
            RowFields row = new RowFields(raw, "response_id", errors);
            String responseId = row.text("response_id", true);
            String surveyCode = row.text("survey", true);
            String questionCode = row.text("question", true);
            LocalDate answeredOn = row.date("answered_on", true);
            Integer score = row.integer("score", true, 1, 11);
            Organisation organisation = organisations.organisation(row);
            Survey survey = null;
            if (organisation != null && surveyCode != null) {
                long orgId = organisation.id();
                survey = surveys.computeIfAbsent(orgId + "\n" + surveyCode, k -> sources.findSurvey(orgId, surveyCode)).orElse(null);
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
            if (answeredOn != null && answeredOn.isAfter(LocalDate.now(clock))) {
                row.fail("answered_on", "lies in the future");
            }
            if (!row.ok()) {
                continue;
            }
            Answer answer = new Answer(organisation.id(), responseId, question.id(), answeredOn, score);
            Key key = new Key(answer.organisationId(), responseId, question.id());
            Answer earlier = answers.get(key);
            if (earlier == null) {
                answers.put(key, answer);
                rowOf.put(key, raw.row());
            } else if (earlier.equals(answer)) {
                duplicates++;
            } else {
                row.fail("response_id", "response " + responseId + " answers question " + questionCode + " differently on row " + rowOf.get(key));
            }
        }
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.SURVEYS, 0);
        List<Answer> inserts = new ArrayList<>();
        for (Map.Entry<Key, Answer> e : answers.entrySet()) {
            Answer a = e.getValue();
            int rowNumber = rowOf.get(e.getKey());
            Optional<Answer> stored = jdbc.sql("""
                            select organisation_id, response_id, survey_question_id, answered_on, score from survey_response
                            where organisation_id = ? and response_id = ? and survey_question_id = ?""")
                    .params(a.organisationId(), a.responseId(), a.questionId())
                    .query((rs, i) -> new Answer(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), rs.getInt(5)))
                    .optional();
            if (stored.isPresent()) {
                if (stored.get().equals(a)) {
                    duplicates++;
                } else {
                    errors.add(new RowError(rowNumber, a.responseId(), "response_id", a.responseId(),
                            "this response is already stored with answer " + stored.get().score() + " on " + stored.get().answeredOn()));
                }
                continue;
            }
            Optional<String> aggregate = jdbc.sql("""
                            select period_kind || ' from ' || period_start from survey_aggregate
                            where survey_question_id = ? and period_start <= ? and %s >= ? limit 1""".formatted(SurveyStatisticsRepository.PERIOD_END))
                    .params(a.questionId(), Date.valueOf(a.answeredOn()), Date.valueOf(a.answeredOn()))
                    .query(String.class).optional();
            if (aggregate.isPresent()) {
                errors.add(new RowError(rowNumber, a.responseId(), "answered_on", a.answeredOn().toString(),
                        "an aggregate is already reported for this question for the " + aggregate.get() + "; send answers or the aggregate, not both"));
                continue;
            }
            inserts.add(a);
        }
        if (!errors.isEmpty()) {
            return IngestReport.refused(rows.size(), duplicates, errors);
        }
        template.batchUpdate("""
                        insert into survey_response (organisation_id, response_id, survey_question_id, answered_on, score)
                        values (?, ?, ?, ?, ?)""", inserts, 1000, (ps, a) -> {
            ps.setLong(1, a.organisationId());
            ps.setString(2, a.responseId());
            ps.setLong(3, a.questionId());
            ps.setDate(4, Date.valueOf(a.answeredOn()));
            ps.setInt(5, a.score());
        });
        return IngestReport.stored(rows.size(), inserts.size(), duplicates);
    }
}
