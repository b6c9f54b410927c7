package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.SeedGoalTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * How every upload is read, through the API: control characters, an unclosed quote, bytes that are
 * not UTF-8, impossible offsets and implausible years and numbers are each refused with a clear
 * answer naming where, and nothing is stored.
 */
class UploadInputIT extends SeedGoalTest {

    private static final String ORG = "testens-styrelse";
    private static final String CONTACTS = "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome\n";

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void caseType() {
        Fixtures.agencyWithCaseType(catalogue, ORG, "tilladelse");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + INGEST_TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String error(JsonNode report, int i) {
        JsonNode e = report.get("errors").get(i);
        return e.get("row").asInt() + ":" + e.get("field").asString();
    }

    @Test
    void aNulByteOrOtherControlCharacterIsARowErrorAndNothingIsStored() {
        // A NUL byte itself is sent in the JSON below.
        var csv = post("/api/v1/contacts", "text/csv", CONTACTS
                + "c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,\n"
                + "c2\u0001,oekonomistyrelsen,email,2025-03-03T11:00,,,\n"
                + "c3,oekonomistyrelsen,email,2025-03-03T11:00,,,\"tele\tfon\"\n", INGEST_TOKEN);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(422);
        JsonNode report = json(csv);
        assertThat(error(report, 0)).isEqualTo("3:contact_id");
        assertThat(report.get("errors").get(0).get("reason").asString()).contains("control character (U+0001) at character 3");
        assertThat(report.get("errors").get(0).get("value").asString()).isEqualTo("c2\\u0001");
        assertThat(error(report, 1)).isEqualTo("4:outcome");
        assertThat(report.get("errors").get(1).get("reason").asString()).contains("a tab (U+0009)");
        assertThat(count("contact")).isZero();

        var events = post("/api/v1/case-events", "application/json", """
                [{"event_id":"e1","organisation":"%s","case_type":"tilladelse","case_id":"A","event":"received","occurred_at":"2024-03-01T09:00"},
                 {"event_id":"e2","organisation":"%s","case_type":"tilladelse","case_id":"B\\u0000","event":"received","occurred_at":"2024-03-01T09:00"}]
                """.formatted(ORG, ORG), INGEST_TOKEN);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(422);
        assertThat(error(json(events), 0)).isEqualTo("2:case_id");
        assertThat(json(events).get("errors").get(0).get("reason").asString()).contains("NUL byte (U+0000) at character 2");
        assertThat(count("case_event")).isZero();
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheRowWhereItOpenedAndNothingIsStored() {
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + "e1," + ORG + ",tilladelse,A,received,2024-03-01T09:00\n"
                + "e2," + ORG + ",tilladelse,\"B,received,2024-03-01T09:00\n"
                + "e3," + ORG + ",tilladelse,C,received,2024-03-01T09:00\n"
                + "e4," + ORG + ",tilladelse,D,received,2024-03-01T09:00\n"
                + "e5," + ORG + ",tilladelse,E,received,2024-03-01T09:00\n", INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("case_id");
        assertThat(problem.get("errors").get(0).get("reason").asString()).startsWith("row 3: the quote opened on line 3 is never closed");
        assertThat(count("case_event")).isZero();
    }

    @Test
    void aCsvFileSavedAsWindows1252IsRefusedNamingLineByteAndEncoding() {
        byte[] csv = (CONTACTS + "c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,\n"
                + "c2,oekonomistyrelsen,email,2025-03-03T11:00,,,\n"
                + "kø-3,oekonomistyrelsen,email,2025-03-03T11:00,,,\n").getBytes(Charset.forName("windows-1252"));
        var response = postBytes("/api/v1/contacts", "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        int offset = (CONTACTS + "c1,oekonomistyrelsen,email,2025-03-03T10:00,2025-03-05T09:00,,\n"
                + "c2,oekonomistyrelsen,email,2025-03-03T11:00,,,\nk").length();
        assertThat(problem.get("line").asLong()).isEqualTo(4);
        assertThat(problem.get("byteOffset").asLong()).isEqualTo(offset);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("encoding");
        assertThat(problem.get("errors").get(0).get("reason").asString())
                .contains("line 4, byte " + offset + ": 0xF8 is not UTF-8", "Windows-1252", "'ø'");
        assertThat(count("contact")).isZero();
    }

    @Test
    void jsonThatIsNotUtf8IsAProblemDocumentNamingTheByte() {
        byte[] body = ("[{\"event_id\":\"e1\",\"organisation\":\"" + ORG + "\",\"case_type\":\"tilladelse\",\"case_id\":\"blåbær\","
                + "\"event\":\"received\",\"occurred_at\":\"2024-03-01T09:00\"}]").getBytes(Charset.forName("windows-1252"));
        var response = postBytes("/api/v1/case-events", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("encoding");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("line 1", "0xE5 is not UTF-8", "'å'");
        // An overlong NUL, which the JSON parser alone would read as a character, is refused the same way.
        byte[] overlong = "[{\"event_id\":\"e1\u00ff\"}]".getBytes(StandardCharsets.ISO_8859_1);
        overlong[14] = (byte) 0xC0;
        byte[] withNul = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withNul, 0, 15);
        withNul[15] = (byte) 0x80;
        System.arraycopy(overlong, 15, withNul, 16, overlong.length - 15);
        var nul = postBytes("/api/v1/case-events", "application/json", withNul);
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(json(nul).get("errors").get(0).get("field").asString()).isEqualTo("encoding");
        assertThat(count("case_event")).isZero();
    }

    @Test
    void anOffsetBeyondEighteenHoursIsARowErrorNotAServerError() {
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + "e1," + ORG + ",tilladelse,A,received,2024-03-01T09:00+01:00\n"
                + "e2," + ORG + ",tilladelse,B,received,2024-03-01T09:00+18:30\n", INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(error(json(response), 0)).isEqualTo("3:occurred_at");
        assertThat(count("case_event")).isZero();
    }

    @Test
    void implausibleYearsAndNumbersAreRowErrors() {
        var contacts = post("/api/v1/contacts", "text/csv", CONTACTS
                + "c1,oekonomistyrelsen,email,0001-03-03T10:00,2025-03-05T09:00,,\n"
                + "c2,oekonomistyrelsen,email,1000-03-03T11:00,,,\n", INGEST_TOKEN);
        assertThat(contacts.statusCode()).as(contacts.body()).isEqualTo(422);
        assertThat(error(json(contacts), 0)).isEqualTo("2:offered_at");
        assertThat(json(contacts).get("errors").get(0).get("reason").asString()).isEqualTo("must lie between 1900-01-01 and 2100-12-31");
        assertThat(error(json(contacts), 1)).isEqualTo("3:offered_at");
        assertThat(count("contact")).isZero();

        var values = post("/api/v1/reported-values", "text/csv", """
                organisation,series,period,value,reported_by
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-01,1e1000000000,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-02,NaN,Test
                patientklagenaevnet,offentliggjorte-afgoerelser,2025-03,12345678901234567,Test
                """, INGEST_TOKEN);
        assertThat(values.statusCode()).as(values.body()).isEqualTo(422);
        JsonNode report = json(values);
        assertThat(error(report, 0)).isEqualTo("2:value");
        assertThat(error(report, 1)).isEqualTo("3:value");
        assertThat(error(report, 2)).isEqualTo("4:value");
        assertThat(count("series_value")).isZero();
    }
}
