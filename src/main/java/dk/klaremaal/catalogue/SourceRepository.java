package dk.klaremaal.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Surveys, monitored systems and reported series: the sources measurements come from besides case events. */
@Repository
public class SourceRepository {

    private final JdbcClient jdbc;

    public SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertSurvey(long organisationId, String code, String name, List<String> labels) {
        return jdbc.sql("insert into survey (organisation_id, code, name, scale_max, labels) values (?, ?, ?, ?, ?) returning id")
                .params(organisationId, code, name, labels.size(), labels.toArray(String[]::new)).query(Long.class).single();
    }

    public void insertQuestion(long surveyId, String code, String text) {
        jdbc.sql("insert into survey_question (survey_id, code, text) values (?, ?, ?)").params(surveyId, code, text).update();
    }

    public List<Survey> findSurveys(long organisationId) {
        return surveys("where organisation_id = ?", organisationId);
    }

    /** Every organisation's surveys, for an upload that checks its rows without asking the database again. */
    public List<Survey> findAllSurveys() {
        return surveys("");
    }

    public Optional<Survey> findSurvey(long organisationId, String code) {
        return surveys("where organisation_id = ? and code = ?", organisationId, code).stream().findFirst();
    }

    /** The survey that holds a question. */
    public Optional<Survey> findSurveyOfQuestion(long questionId) {
        return surveys("where id = (select survey_id from survey_question where id = ?)", questionId).stream().findFirst();
    }

    private List<Survey> surveys(String where, Object... params) {
        record Row(long id, long organisationId, String code, String name, List<String> labels) {
        }
        List<Row> rows = jdbc.sql("select id, organisation_id, code, name, labels from survey " + where + " order by code")
                .params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), strings(rs.getArray(5))))
                .list();
        List<Survey> surveys = new ArrayList<>();
        for (Row r : rows) {
            List<Survey.Question> questions = jdbc.sql("select id, survey_id, code, text from survey_question where survey_id = ? order by id")
                    .param(r.id())
                    .query((rs, i) -> new Survey.Question(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
            surveys.add(new Survey(r.id(), r.organisationId(), r.code(), r.name(), r.labels(), questions));
        }
        return surveys;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    public long insertSystem(long organisationId, String code, String name, java.time.LocalDate monitoredFrom,
                             java.time.LocalDate monitoredTo) {
        return jdbc.sql("insert into monitored_system (organisation_id, code, name, monitored_from, monitored_to) values (?, ?, ?, ?, ?) returning id")
                .params(organisationId, code, name, java.sql.Date.valueOf(monitoredFrom),
                        monitoredTo == null ? null : java.sql.Date.valueOf(monitoredTo)).query(Long.class).single();
    }

    public List<MonitoredSystem> findSystems(long organisationId) {
        return jdbc.sql("select * from monitored_system where organisation_id = ? order by code").param(organisationId)
                .query(SourceRepository::system).list();
    }

    public List<MonitoredSystem> findAllSystems() {
        return jdbc.sql("select * from monitored_system order by organisation_id, code").query(SourceRepository::system).list();
    }

    public Optional<MonitoredSystem> findSystem(long organisationId, String code) {
        return jdbc.sql("select * from monitored_system where organisation_id = ? and code = ?").params(organisationId, code)
                .query(SourceRepository::system).optional();
    }

    public Optional<MonitoredSystem> findSystem(long id) {
        return jdbc.sql("select * from monitored_system where id = ?").param(id).query(SourceRepository::system).optional();
    }

    private static MonitoredSystem system(ResultSet rs, int i) throws SQLException {
        return new MonitoredSystem(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"), rs.getString("name"),
                rs.getDate("monitored_from").toLocalDate(),
                rs.getDate("monitored_to") == null ? null : rs.getDate("monitored_to").toLocalDate());
    }

    public long insertSeries(long organisationId, String code, String name, Series.Unit unit, Series.Aggregation aggregation) {
        return jdbc.sql("insert into series (organisation_id, code, name, unit, aggregation) values (?, ?, ?, ?, ?) returning id")
                .params(organisationId, code, name, unit.code(), aggregation.code()).query(Long.class).single();
    }

    public List<Series> findSeries(long organisationId) {
        return jdbc.sql("select * from series where organisation_id = ? order by code").param(organisationId)
                .query(SourceRepository::series).list();
    }

    public List<Series> findAllSeries() {
        return jdbc.sql("select * from series order by organisation_id, code").query(SourceRepository::series).list();
    }

    public Optional<Series> findSeries(long organisationId, String code) {
        return jdbc.sql("select * from series where organisation_id = ? and code = ?").params(organisationId, code)
                .query(SourceRepository::series).optional();
    }

    public Optional<Series> findSeriesById(long id) {
        return jdbc.sql("select * from series where id = ?").param(id).query(SourceRepository::series).optional();
    }

    private static Series series(ResultSet rs, int i) throws SQLException {
        return new Series(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("code"), rs.getString("name"),
                Series.Unit.fromCode(rs.getString("unit")), Series.Aggregation.fromCode(rs.getString("aggregation")));
    }
}
