package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CaseEventIngestIT extends IntegrationTest {

    private static final String ORG = "testens-styrelse";

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void catalogue() {
        Fixtures.agencyWithCaseType(catalogue, ORG, "tilladelse");
    }

    private long events() {
        return jdbc.sql("select count(*) from case_event").query(Long.class).single();
    }

    private String snapshot() {
        return jdbc.sql("select string_agg(case_id || ':' || is_open || ':' || coalesce(calendar_days, -1), ',' order by case_id) from case_record")
                .query(String.class).optional().orElse("");
    }

    @Test
    void theSameCsvTwiceChangesNothingTheSecondTime() {
        String csv = Fixtures.HEADER
                + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00+01:00", "2024-03-05T09:00+01:00")
                + Fixtures.caseRows(ORG, "tilladelse", "B", "2024-03-02T09:00+01:00", null);
        var first = json(post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN));
        assertThat(first.get("stored").asBoolean()).isTrue();
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        String after = snapshot();

        var again = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("accepted").asInt()).isZero();
        assertThat(json(again).get("duplicates").asInt()).isEqualTo(3);
        assertThat(events()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(after).isEqualTo("A:false:4,B:true:-1");
    }

    @Test
    void aCsvWithBadRowsIsRefusedWithRowLevelErrorsAndLeavesTheDataUnchanged() {
        post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00", "2024-03-05T09:00"), INGEST_TOKEN);
        String before = snapshot();
        String csv = Fixtures.HEADER
                + "ok-1," + ORG + ",tilladelse,C,received,2024-04-01T09:00\n"          // row 2: fine
                + "bad-2," + ORG + ",tilladelse,C,approved,2024-04-02T09:00\n"         // row 3: unknown event
                + "bad-3,ingen-styrelse,tilladelse,D,received,2024-04-02T09:00\n"      // row 4: unknown organisation
                + "bad-4," + ORG + ",tilladelse,E,received,01-04-2024\n"               // row 5: not ISO-8601
                + "bad-5," + ORG + ",tilladelse,F,decided,2024-04-02T09:00\n"          // row 6: decided, never received
                + "bad-6," + ORG + ",tilladelse,A,reopened,2024-03-03T09:00\n"         // row 7: reopened while open
                + "A-r," + ORG + ",tilladelse,A,received,2024-03-02T09:00\n";          // row 8: event_id reused differently
        var response = post("/api/v1/case-events", "text/csv", csv, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("rejected").asInt()).isEqualTo(6);
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("3:event", "4:organisation", "5:occurred_at", "6:event", "7:event", "8:event_id");
        assertThat(report.get("errors").get(3).get("reason").asString()).contains("no 'received' event");
        assertThat(report.get("errors").get(4).get("reason").asString()).contains("only a decided case can be reopened");
        assertThat(events()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void eventsAreAppliedInTimeOrderWhateverOrderTheyArriveIn() {
        String json = """
                [{"event_id":"x-d","organisation":"%1$s","case_type":"tilladelse","case_id":"X","event":"decided","occurred_at":"2024-05-10T12:00:00+02:00"},
                 {"event_id":"x-r","organisation":"%1$s","case_type":"tilladelse","case_id":"X","event":"received","occurred_at":"2024-05-01T12:00:00+02:00"}]"""
                .formatted(ORG);
        var response = post("/api/v1/case-events", "application/json", json, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo("X:false:9");
    }

    @Test
    void aLaterEventForAStoredCaseRecountsIt() {
        post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00", "2024-03-05T09:00"), INGEST_TOKEN);
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + "A-o," + ORG + ",tilladelse,A,reopened,2024-03-10T09:00\n"
                + "A-d2," + ORG + ",tilladelse,A,decided,2024-03-12T09:00\n", INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo("A:false:6");
    }

    @Test
    void anEventThatWouldBreakAStoredOneIsBlamed() {
        post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00", "2024-03-05T09:00"), INGEST_TOKEN);
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + "A-early," + ORG + ",tilladelse,A,decided,2024-03-03T09:00\n", INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).get("reason").asString()).contains("would make the stored 'decided' event A-d");
    }

    @Test
    void writesNeedAnApiTokenWithTheRightScope() {
        String csv = Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00", null);
        assertThat(post("/api/v1/case-events", "text/csv", csv, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/case-events", "text/csv", csv, "wrong-token").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/goals", "application/json", "{}", INGEST_TOKEN).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/organisations", "application/json", "{}", INGEST_TOKEN).statusCode()).isEqualTo(403);
        assertThat(events()).isZero();
        assertThat(get("/api/v1/organisations").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingColumnIsNamed() {
        var response = post("/api/v1/case-events", "text/csv", "event_id,organisation,case_id,event,occurred_at\n", INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing: case_type");
    }

    @Test
    void anUploadLargerThanWhatIsStoredIsStoredWithTheIndexesAsTheyWere() {
        String indexes = "select string_agg(indexdef, '; ' order by indexname) from pg_indexes where tablename = 'case_event'";
        String before = jdbc.sql(indexes).query(String.class).single();
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        for (int i = 0; i < 6_000; i++) {
            csv.append(Fixtures.caseRows(ORG, "tilladelse", "L" + i, "2024-03-0" + (1 + i % 5) + "T09:00+01:00",
                    i % 3 == 0 ? null : "2024-03-1" + (i % 9) + "T09:00+01:00"));
        }
        var report = json(post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN));
        assertThat(report.get("accepted").asInt()).isEqualTo(10_000);
        assertThat(jdbc.sql(indexes).query(String.class).single()).isEqualTo(before).contains("UNIQUE INDEX case_event_pkey");
        assertThat(jdbc.sql("select count(*) from case_record where not is_open").query(Long.class).single()).isEqualTo(4_000);
        // The key still finds a stored event_id sent again for a different event.
        var conflicting = post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + "L1-r," + ORG + ",tilladelse,Z,received,2024-04-01T09:00+02:00\n", INGEST_TOKEN);
        assertThat(conflicting.statusCode()).isEqualTo(422);
        assertThat(conflicting.body()).contains("already stored for a different event");
        assertThat(events()).isEqualTo(10_000);
    }

    @Test
    void anEventSentTwiceInOneFileIsADuplicateButAnEventIdReusedForAnotherEventIsNamed() {
        String received = "A-r," + ORG + ",tilladelse,A,received,2024-03-01T09:00+01:00\n";
        String decided = "A-d," + ORG + ",tilladelse,A,decided,2024-03-05T09:00+01:00\n";
        var twice = json(post("/api/v1/case-events", "text/csv", Fixtures.HEADER + received + decided + received + received, INGEST_TOKEN));
        assertThat(twice.get("stored").asBoolean()).isTrue();
        assertThat(twice.get("accepted").asInt()).isEqualTo(2);
        assertThat(twice.get("duplicates").asInt()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo("A:false:4");

        String other = "B-r," + ORG + ",tilladelse,B,received,2024-04-01T09:00+02:00\n";
        var reused = post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + other + other + "B-r," + ORG + ",tilladelse,B,received,2024-04-02T09:00+02:00\n", INGEST_TOKEN);
        assertThat(reused.statusCode()).isEqualTo(422);
        JsonNode error = json(reused).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(4);
        assertThat(error.get("reason").asString()).isEqualTo("the same event_id is used on row 2 for a different event");
        assertThat(json(reused).get("errors")).hasSize(1);
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void aStoredEventSentTwiceInOneFileIsCountedAsTwoDuplicatesNotThree() {
        String received = "A-r," + ORG + ",tilladelse,A,received,2024-03-01T09:00+01:00\n";
        post("/api/v1/case-events", "text/csv", Fixtures.HEADER + received, INGEST_TOKEN);

        // Rows 2 and 3 send the stored event again, row 4 its decision: two duplicates among three rows.
        String decided = "A-d," + ORG + ",tilladelse,A,decided,2024-03-05T09:00+01:00\n";
        var resent = json(post("/api/v1/case-events", "text/csv", Fixtures.HEADER + received + received + decided, INGEST_TOKEN));
        assertThat(resent.get("stored").asBoolean()).isTrue();
        assertThat(resent.get("rows").asInt()).isEqualTo(3);
        assertThat(resent.get("accepted").asInt()).isEqualTo(1);
        assertThat(resent.get("duplicates").asInt()).isEqualTo(2);
        assertThat(events()).isEqualTo(2);

        // Twice again and once more changed: two duplicates, and the changed row refused once, for the one reason.
        String changed = "A-r," + ORG + ",tilladelse,A,received,2024-03-02T09:00+01:00\n";
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER + received + received + changed, INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode refused = json(response);
        assertThat(refused.get("rows").asInt()).isEqualTo(3);
        assertThat(refused.get("duplicates").asInt()).isEqualTo(2);
        assertThat(refused.get("rejected").asInt()).isEqualTo(1);
        assertThat(refused.get("errors")).hasSize(1);
        assertThat(refused.get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(refused.get("errors").get(0).get("reason").asString()).isEqualTo("the same event_id is used on row 2 for a different event");
        assertThat(events()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo("A:false:4");
    }

    @Test
    void aFileThatStopsBeingCsvHalfwayIsRefusedAndTheNextUploadIsStoredAsUsual() {
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        for (int i = 0; i < 2_000; i++) {
            csv.append(Fixtures.caseRows(ORG, "tilladelse", "H" + i, "2024-03-01T09:00+01:00", "2024-03-04T09:00+01:00"));
        }
        csv.append("\"H-x\"junk,").append(ORG).append(",tilladelse,H-x,received,2024-03-01T09:00+01:00\n");
        for (int round = 0; round < 3; round++) {
            var refused = post("/api/v1/case-events", "text/csv", csv.toString(), INGEST_TOKEN);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("not valid CSV after row 4001");
        }
        assertThat(events()).isZero();
        var stored = json(post("/api/v1/case-events", "text/csv",
                Fixtures.HEADER + Fixtures.caseRows(ORG, "tilladelse", "A", "2024-03-01T09:00+01:00", "2024-03-05T09:00+01:00"), INGEST_TOKEN));
        assertThat(stored.get("accepted").asInt()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo("A:false:4");
    }
}
