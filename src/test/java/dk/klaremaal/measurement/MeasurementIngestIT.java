package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Contacts, survey answers, downtime, probes and reported values share the rules of case events:
 * JSON or CSV, exact re-sends are duplicates, every bad row is named with its field and reason,
 * and a request with any bad row stores nothing.
 */
class MeasurementIngestIT extends SeedGoalTest {

    private static final String CONTACTS = "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome\n";

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<String> errors(JsonNode report) {
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        return errors;
    }

    @Test
    void contactsAreIdempotentAndAPendingEmailMayLaterBeAnswered() {
        String csv = CONTACTS + """
                c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,
                c2,oekonomistyrelsen,email,2025-03-03T11:00,,,
                """;
        send("contacts", csv);
        var again = json(post("/api/v1/contacts", "text/csv", csv, INGEST_TOKEN));
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("accepted").asInt()).isZero();
        // The pending e-mail is answered later: accepted as a completion, with its wait derived.
        var completed = post("/api/v1/contacts", "application/json", """
                [{"contact_id":"c2","organisation":"oekonomistyrelsen","channel":"email","offered_at":"2025-03-03T11:00",
                  "answered_at":"2025-03-10T09:00"}]""", INGEST_TOKEN);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select wait_days || '/' || wait_working_days from contact where contact_id = 'c2'").query(String.class).single())
                .isEqualTo("7/5");
        // Changing an answered contact is refused, naming the stored one.
        var changed = post("/api/v1/contacts", "text/csv", CONTACTS + "c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-06T09:00,,\n",
                INGEST_TOKEN);
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(changed.body()).contains("already stored for a different contact");
    }

    @Test
    void badContactRowsAreAllNamedAndNothingIsStored() {
        var response = post("/api/v1/contacts", "text/csv", CONTACTS + """
                ok,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,
                x1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-01T09:00,,
                x2,oekonomistyrelsen,e mail,2025-03-03T10:00,,,
                x3,oekonomistyrelsen,phone,2025-03-03T10:00,2025-03-03T10:01,true,
                x4,ingen-styrelse,phone,2025-03-03T10:00,,,
                x5,oekonomistyrelsen,phone,2099-01-01T10:00,,,
                x6,oekonomistyrelsen,phone,2025-03-03T10:00,,,active-service
                """, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(errors(report)).containsExactly("3:answered_at", "4:channel", "5:abandoned", "6:organisation", "7:offered_at", "8:outcome");
        assertThat(report.get("errors").get(0).get("id").asString()).isEqualTo("x1");
        assertThat(count("contact")).isZero();
    }

    @Test
    void surveyAnswersOutsideTheScaleOrForUnknownQuestionsAreRefused() {
        var response = post("/api/v1/survey-responses", "text/csv", """
                response_id,organisation,survey,question,answered_on,score
                r1,cpr-kontoret,kundeundersoegelse,levering,2025-10-01,5
                r2,cpr-kontoret,kundeundersoegelse,levering,2025-10-01,6
                r3,cpr-kontoret,kundeundersoegelse,pris,2025-10-01,3
                r4,cpr-kontoret,ingen,levering,2025-10-01,3
                r1,cpr-kontoret,kundeundersoegelse,levering,2025-10-01,4
                """, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(json(response))).containsExactly("3:score", "4:question", "5:survey", "6:response_id");
        assertThat(count("survey_response")).isZero();
        answers("cpr-kontoret", "kundeundersoegelse", "levering", "2025-10-01", 0, 0, 0, 1, 1);
        var changed = post("/api/v1/survey-responses", "text/csv", """
                response_id,organisation,survey,question,answered_on,score
                2025-10-01-1,cpr-kontoret,kundeundersoegelse,levering,2025-10-01,1
                """, INGEST_TOKEN);
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(changed.body()).contains("already stored with answer 4");
    }

    @Test
    void aggregatesMustAddUpAndNameTheirReporter() {
        var response = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"statsamterne","survey":"brugerundersoegelse","question":"service-og-sagsbehandling",
                 "period":"2025","respondents":100,"percentages":[10,10,10,10,10]}""", INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("add up to 50, not 100").contains("reportedBy");
        assertThat(count("survey_aggregate")).isZero();
    }

    @Test
    void downtimeAndProbesAreCheckedAgainstTheMonitoredPeriod() {
        var response = post("/api/v1/downtime", "text/csv", """
                downtime_id,organisation,system,started_at,ended_at
                d1,oekonomistyrelsen,selvbetjening-inddrivelse,2025-02-10T10:00,2025-02-10T09:00
                d2,oekonomistyrelsen,selvbetjening-inddrivelse,2022-02-10T10:00,2022-02-10T11:00
                d3,oekonomistyrelsen,ukendt-system,2025-02-10T10:00,2025-02-10T11:00
                """, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(errors(json(response))).containsExactly("2:ended_at", "3:started_at", "4:system");
        // Probes: the share that found the system up, once there are probes.
        send("availability-probes", """
                organisation,system,probed_at,up
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:00,true
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:05,true
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:10,false
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:15,true
                """);
        var r = result("oekonomistyrelsen", "S8", "2025-06");
        assertThat(r.value()).isEqualByComparingTo("75");
        assertThat(r.observations()).isEqualTo(4);
        var contradicting = post("/api/v1/availability-probes", "text/csv", """
                organisation,system,probed_at,up
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:10,true
                """, INGEST_TOKEN);
        assertThat(contradicting.statusCode()).isEqualTo(422);
    }

    @Test
    void reportedValuesNeedAReporterAndCountsAreWholeNumbers() {
        var response = post("/api/v1/reported-values", "text/csv", """
                organisation,series,period,value,reported_by
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,12.5,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-02,12,
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-13,12,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-03,"12,5",Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2099-01,12,Test
                """, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(errors(report)).containsExactly("2:value", "3:reported_by", "4:period", "5:value", "6:period");
        assertThat(report.get("errors").get(3).get("reason").asString()).contains("decimals with a point");
        assertThat(count("series_value")).isZero();
    }

    @Test
    void measurementsNeedAnIngestToken() {
        assertThat(post("/api/v1/contacts", "text/csv", CONTACTS, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/reported-values", "text/csv", "organisation,series,period,value,reported_by\n", "wrong").statusCode())
                .isEqualTo(401);
    }
}
