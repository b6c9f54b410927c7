package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import dk.klaremaal.platform.RawRow;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Uploads of contacts, survey answers, downtime, probes and reported values as streams: re-sends
 * with times finer than PostgreSQL keeps, JSON read element by element, a bounded list of row
 * errors, repeats within one file, and the ranges every field is held to.
 */
class DatasetUploadIT extends SeedGoalTest {

    private static final String CONTACTS = "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome\n";
    private static final String DOWNTIME = "downtime_id,organisation,system,started_at,ended_at\n";
    private static final String PROBES = "organisation,system,probed_at,up\n";

    @Autowired
    ContactIngestService contacts;

    @Autowired
    TransactionTemplate transactions;

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<String> errors(JsonNode report) {
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        return errors;
    }

    private HttpResponse<String> csv(String dataset, String body) {
        return post("/api/v1/" + dataset, "text/csv", body, INGEST_TOKEN);
    }

    private void assertAllDuplicates(String dataset, String body, int rows) {
        HttpResponse<String> again = csv(dataset, body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode report = json(again);
        assertThat(report.get("rows").asInt()).isEqualTo(rows);
        assertThat(report.get("duplicates").asInt()).isEqualTo(rows);
        assertThat(report.get("accepted").asInt()).isZero();
    }

    @Test
    void aReSendWithNanosecondTimesIsAllDuplicates() {
        String contacts = CONTACTS + """
                n1,oekonomistyrelsen,email,2025-03-03T10:00:00.123456789+01:00,2025-03-05T09:00:00.987654321+01:00,,
                n2,oekonomistyrelsen,email,2025-03-03T11:00:00.000000999+01:00,,,
                n3,oekonomistyrelsen,email,2025-03-03T12:00:00.1234567Z,,true,
                """;
        send("contacts", contacts);
        assertAllDuplicates("contacts", contacts, 3);
        // Kept to the microsecond, cut (not rounded).
        assertThat(jdbc.sql("select to_char(offered_at at time zone 'UTC', 'HH24:MI:SS.US') from contact where contact_id = 'n1'")
                .query(String.class).single()).isEqualTo("09:00:00.123456");

        String downtime = DOWNTIME + """
                d1,oekonomistyrelsen,selvbetjening-inddrivelse,2025-02-10T10:00:00.000000001,2025-02-10T11:00:00.999999999
                """;
        send("downtime", downtime);
        assertAllDuplicates("downtime", downtime, 1);

        String probes = PROBES + """
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:00:00.0000005,true
                oekonomistyrelsen,selvbetjening-inddrivelse,2025-06-01T00:05:00.1234567,false
                """;
        send("availability-probes", probes);
        assertAllDuplicates("availability-probes", probes, 2);
    }

    @Test
    void severalUploadsFitInOneTransaction() {
        // As the demo data is loaded: each upload's working tables are its own.
        transactions.executeWithoutResult(status -> {
            for (String id : List.of("t1", "t2")) {
                var report = contacts.ingest(List.of(new RawRow(1, Map.of("contact_id", id, "organisation", "oekonomistyrelsen",
                        "channel", "email", "offered_at", "2025-03-03T10:00"))), "test");
                assertThat(report.stored()).as(report.toString()).isTrue();
            }
        });
        assertThat(count("contact")).isEqualTo(2);
    }

    @Test
    void downtimeEndingWithinTheMicrosecondItStartedIsARowError() {
        var response = csv("downtime", DOWNTIME + """
                d1,oekonomistyrelsen,selvbetjening-inddrivelse,2025-02-10T10:00:00.0000001,2025-02-10T10:00:00.0000009
                """);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(errors(json(response))).containsExactly("2:ended_at");
        assertThat(count("downtime")).isZero();
    }

    @Test
    void jsonIsReadAsAStreamWithTheSameRulesAsCsv() {
        var stored = post("/api/v1/availability-probes", "application/json", """
                [{"organisation":"oekonomistyrelsen","system":"selvbetjening-inddrivelse","probed_at":"2025-06-01T00:00","up":true},
                 {"organisation":"oekonomistyrelsen","system":"selvbetjening-inddrivelse","probed_at":"2025-06-01T00:05","up":"false",
                  "comment":null}]""", INGEST_TOKEN);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json(stored).get("accepted").asInt()).isEqualTo(2);
        var values = post("/api/v1/reported-values", "application/json", """
                [{"organisation":"patientklagenaevnet","series":"offentliggjorte-afgoerelser","period":"2025-01","value":12,
                  "reported_by":"Test"}]""", INGEST_TOKEN);
        assertThat(values.statusCode()).as(values.body()).isEqualTo(200);
        assertThat(jdbc.sql("select value from series_value").query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12");

        var nested = post("/api/v1/availability-probes", "application/json", """
                [{"organisation":"oekonomistyrelsen","system":"selvbetjening-inddrivelse","probed_at":"2025-06-01T00:10","up":true},
                 {"organisation":"oekonomistyrelsen","system":{"code":"x"},"probed_at":"2025-06-01T00:15","up":true}]""", INGEST_TOKEN);
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(json(nested).get("errors").get(0).get("field").asString()).isEqualTo("[2].system");

        // Cut off in the middle of the third element: a problem document naming the body and the row.
        var broken = post("/api/v1/availability-probes", "application/json", """
                [{"organisation":"oekonomistyrelsen","system":"selvbetjening-inddrivelse","probed_at":"2025-06-01T00:20","up":true},
                 {"organisation":"oekonomistyrelsen","system":"selvbetjening-inddrivelse","probed_at":"2025-06-01T00:25","up":true},
                 {"organisation":"oekonomistyrelsen","system":""", INGEST_TOKEN);
        assertThat(broken.statusCode()).isEqualTo(400);
        JsonNode problem = json(broken);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("in row 3");
        assertThat(count("availability_probe")).isEqualTo(2);

        var wide = new StringBuilder("[{");
        for (int i = 0; i < 200; i++) {
            wide.append("\"f").append(i).append("\":1,");
        }
        var tooManyFields = post("/api/v1/availability-probes", "application/json", wide.append("\"up\":true}]").toString(), INGEST_TOKEN);
        assertThat(tooManyFields.statusCode()).isEqualTo(400);
        assertThat(json(tooManyFields).get("errors").get(0).get("field").asString()).isEqualTo("[1]");

        var notAnArray = post("/api/v1/contacts", "application/json", "{\"contact_id\":\"c1\"}", INGEST_TOKEN);
        assertThat(notAnArray.statusCode()).isEqualTo(400);
        assertThat(json(notAnArray).get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aFileOfOnlyBadRowsReportsTheFirstThousandErrorsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder(CONTACTS);
        for (int i = 1; i <= 2_500; i++) {
            csv.append("c").append(i).append(",oekonomistyrelsen,email,not-a-time,,,\n");
        }
        var response = csv("contacts", csv.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.get("rows").asInt()).isEqualTo(2_500);
        assertThat(report.get("rejected").asInt()).isEqualTo(2_500);
        assertThat(report.get("errors").size()).isEqualTo(1_000);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(999).get("row").asInt()).isEqualTo(1_001);
    }

    @Test
    void repeatsWithinAFileAreDuplicatesOrConflictsNamingTheEarlierRow() {
        // A pending e-mail, then the same e-mail answered, then the answered one again: one contact, stored answered.
        var completed = csv("contacts", CONTACTS + """
                c1,oekonomistyrelsen,email,2025-03-03T10:00,,,
                c1,oekonomistyrelsen,email,2025-03-03T10:00,,,
                c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,
                c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,
                c2,oekonomistyrelsen,email,2025-03-03T11:00,,,
                """);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(json(completed).get("accepted").asInt()).isEqualTo(2);
        assertThat(json(completed).get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select wait_days from contact where contact_id = 'c1'").query(Integer.class).single()).isEqualTo(2);

        // After the completion on row 3, a different answer contradicts row 3; before it, a different pending one contradicts row 2.
        var conflicting = csv("contacts", CONTACTS + """
                c3,oekonomistyrelsen,email,2025-03-03T10:00,,,
                c3,oekonomistyrelsen,phone,2025-03-03T10:00,,,
                c3,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,
                c3,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-06T09:00,,
                """);
        assertThat(conflicting.statusCode()).isEqualTo(422);
        JsonNode report = json(conflicting);
        assertThat(errors(report)).containsExactly("3:contact_id", "5:contact_id");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("row 2");
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("row 4");
        assertThat(count("contact")).isEqualTo(2);

        var values = csv("reported-values", """
                organisation,series,period,value,reported_by
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,12,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,12.0,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,13,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-Q1,13,Test
                """);
        assertThat(values.statusCode()).isEqualTo(422);
        JsonNode valueReport = json(values);
        assertThat(errors(valueReport)).containsExactly("4:value", "5:period");
        assertThat(valueReport.get("errors").get(0).get("reason").asString()).isEqualTo("row 2 reports 12 for the same series and period");
        assertThat(valueReport.get("errors").get(1).get("reason").asString()).contains("reported per month, not per quarter");
    }

    @Test
    void everyFieldIsHeldToItsRange() {
        var contacts = csv("contacts", CONTACTS + """
                early,oekonomistyrelsen,email,1999-12-31T10:00,,,
                long,oekonomistyrelsen,email,2024-01-01T10:00,2025-03-01T10:00,,
                code,oekonomistyrelsen,a-channel-with-a-name-longer-than-forty-chars,2025-03-03T10:00,,,
                """);
        assertThat(contacts.statusCode()).isEqualTo(422);
        assertThat(errors(json(contacts))).containsExactly("2:offered_at", "3:answered_at", "4:channel");

        var answers = csv("survey-responses", """
                response_id,organisation,survey,question,answered_on,score
                r1,cpr-kontoret,kundeundersoegelse,levering,1999-10-01,5
                """);
        assertThat(errors(json(answers))).containsExactly("2:answered_on");

        var downtime = csv("downtime", DOWNTIME + """
                d1,oekonomistyrelsen,selvbetjening-inddrivelse,2024-01-01T10:00,2025-02-10T11:00
                """);
        assertThat(errors(json(downtime))).containsExactly("2:ended_at");

        var values = csv("reported-values", """
                organisation,series,period,value,reported_by
                patientklagenaevnet,offentliggjorte-afgoerelser,1999,12,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,1e13,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-02,1.0000001,Test
                """);
        assertThat(errors(json(values))).containsExactly("2:period", "3:value", "4:value");
        assertThat(count("contact") + count("survey_response") + count("downtime") + count("series_value")).isZero();
    }

    @Test
    void surveyAggregatesAreHeldToTheirRanges() {
        String start = """
                {"organisation":"statsamterne","survey":"brugerundersoegelse","question":"service-og-sagsbehandling","reportedBy":"Test",""";
        var zeros = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"2025","counts":[0,0,0,0,0]}""", INGEST_TOKEN);
        assertThat(zeros.statusCode()).isEqualTo(400);
        assertThat(zeros.body()).contains("are all 0");
        var both = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"2025","counts":[1,2,3,4,5],"respondents":15,"percentages":[10,10,20,30,30]}""", INGEST_TOKEN);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("not both");
        var many = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"2025","counts":[1,2,3,4,1000001]}""", INGEST_TOKEN);
        assertThat(many.statusCode()).isEqualTo(400);
        var old = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"1999","counts":[1,2,3,4,5]}""", INGEST_TOKEN);
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(old.body()).contains("period");
        var percent = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"2025","respondents":10,"percentages":[-10,10,20,30,50]}""", INGEST_TOKEN);
        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(percent.body()).contains("between 0 and 100");
        // Counts by the million in one body are refused before they are read, not bound to a list.
        var huge = post("/api/v1/survey-aggregates", "application/json", start + "\"period\":\"2025\",\"counts\":["
                + "1,".repeat(1_000_000) + "1]}", INGEST_TOKEN);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("larger than 64 KB");
        assertThat(count("survey_aggregate")).isZero();
        var good = post("/api/v1/survey-aggregates", "application/json", start + """
                "period":"2025","counts":[1,2,3,4,5]}""", INGEST_TOKEN);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    }
}
