package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.demo.CaseEventGenerator;
import dk.klaremaal.support.HistogramRecount;
import dk.klaremaal.support.SeedGoalTest;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The case records, spans and histograms are derived from the stored events and can be rebuilt from them:
 * the rebuild gives exactly what an ingest of the same events from scratch gives, repairs rows that were
 * changed, removed or added behind the application's back, and runs at start-up when the rules changed.
 */
class DerivedDataRebuildIT extends SeedGoalTest {

    @Autowired
    DerivedDataAtStart atStart;

    @Autowired
    DerivedRules rules;

    /** Generated cases of every seed case type: pauses, reopenings, cases still open, events sent twice. */
    private String generated() throws Exception {
        StringWriter file = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(file, 3_000, 11, 2023, LocalDate.now().minusDays(1));
        return file.toString();
    }

    /** Every row of the three derived tables, in key order. */
    private Map<String, List<String>> derived() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put("case_record", jdbc.sql("""
                select concat_ws('|', case_type_id, case_id, received_on, is_open, last_decided_on, calendar_days, working_days, reopened)
                from case_record order by case_type_id, case_id""").query(String.class).list());
        rows.put("case_span", jdbc.sql("""
                select concat_ws('|', case_type_id, case_id, seq, opened_on, closed_on) from case_span order by case_type_id, case_id, seq""")
                .query(String.class).list());
        rows.put("case_days", jdbc.sql("""
                select concat_ws('|', case_type_id, working, month, days, cases) from case_days order by case_type_id, working, month, days""")
                .query(String.class).list());
        return rows;
    }

    private JsonNode rebuild() {
        HttpResponse<String> response = post("/api/v1/derived-data/rebuild", "application/json", "", ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void theRebuildEqualsAnIngestFromScratchAfterUploadsThatChangedStoredCases() throws Exception {
        String file = generated();
        send("case-events", file);
        Map<String, List<String>> fromScratch = derived();
        assertThat(fromScratch.get("case_record")).hasSizeGreaterThan(2_900);
        assertThat(fromScratch.get("case_span")).isNotEmpty();
        assertThat(fromScratch.get("case_days")).isNotEmpty();

        // The same events again, first the early half of every case and then the rest: the records are kept up
        // to date case by case, and the rebuild gives what the single upload gave.
        jdbc.sql("truncate case_event, case_record, case_span, case_days").update();
        List<String> lines = file.lines().toList();
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        lines.subList(1, lines.size()).forEach(r -> byCase.computeIfAbsent(r.split(",")[3], k -> new ArrayList<>()).add(r));
        List<String> firstHalves = new ArrayList<>();
        byCase.values().forEach(events -> firstHalves.addAll(events.subList(0, Math.max(1, events.size() / 2))));
        send("case-events", lines.getFirst() + "\n" + String.join("\n", firstHalves) + "\n");
        send("case-events", file);
        assertThat(derived()).isEqualTo(fromScratch);

        JsonNode result = rebuild();
        assertThat(derived()).isEqualTo(fromScratch);
        assertThat(result.get("cases").asLong()).isEqualTo(fromScratch.get("case_record").size());
        assertThat(result.get("events").asLong()).isEqualTo(jdbc.sql("select count(*) from case_event").query(Long.class).single());
        assertThat(result.get("rowsRemoved").asLong()).isZero();
        assertThat(result.get("rowsAdded").asLong()).isZero();
        assertThat(result.get("rulesVersion").asString()).isEqualTo(rules.version());

        // From nothing derived at all.
        jdbc.sql("truncate case_record, case_span, case_days").update();
        rebuild();
        assertThat(derived()).isEqualTo(fromScratch);
        assertThat(((Number) jdbc.sql(HistogramRecount.SQL).query().singleRow().get("differences")).longValue()).isZero();
    }

    @Test
    void aCorruptedRecordSpanOrHistogramIsRestored() throws Exception {
        send("case-events", generated());
        Map<String, List<String>> correct = derived();

        jdbc.sql("""
                update case_record set working_days = working_days + 3, calendar_days = 0
                where (case_type_id, case_id) = (select case_type_id, case_id from case_record where not is_open order by case_id limit 1)""")
                .update();
        jdbc.sql("""
                update case_record set is_open = not is_open
                where (case_type_id, case_id) = (select case_type_id, case_id from case_record order by case_id desc limit 1)""").update();
        jdbc.sql("""
                delete from case_record
                where (case_type_id, case_id) = (select case_type_id, case_id from case_record where is_open order by case_id limit 1)""").update();
        jdbc.sql("insert into case_record (case_type_id, case_id, received_on, is_open) select min(case_type_id), 'no-such-case', '2024-01-02', true from case_record")
                .update();
        jdbc.sql("delete from case_span where (case_type_id, case_id, seq) = (select case_type_id, case_id, seq from case_span order by case_id limit 1)")
                .update();
        jdbc.sql("update case_days set cases = cases + 5 where (case_type_id, working, month, days) = "
                + "(select case_type_id, working, month, days from case_days order by month desc, days limit 1)").update();
        jdbc.sql("insert into case_days (case_type_id, month, working, days, cases) select min(case_type_id), '1999-01-01', true, 7, 1 from case_days")
                .update();
        assertThat(derived()).isNotEqualTo(correct);

        JsonNode result = rebuild();
        assertThat(derived()).isEqualTo(correct);
        // Only what was wrong was written. Removed: the two changed records, the extra record, the changed histogram count and
        // the extra histogram row. Added: the two changed records, the missing record, the missing span and the histogram count.
        assertThat(result.get("rowsRemoved").asLong()).isEqualTo(2 + 1 + 1 + 1);
        assertThat(result.get("rowsAdded").asLong()).isEqualTo(2 + 1 + 1 + 1);
    }

    @Test
    void aChangeOfTheRulesRebuildsAtStartAndUnchangedRulesDoNot() throws Exception {
        send("case-events", generated());
        Map<String, List<String>> correct = derived();
        assertThat(jdbc.sql("select version from derived_data_rules").query(String.class).single()).isEqualTo(rules.version());

        String corrupt = "update case_record set calendar_days = calendar_days + 1 where not is_open";
        jdbc.sql(corrupt).update();
        Map<String, List<String>> corrupted = derived();
        atStart.run(null);
        assertThat(derived()).as("the rules are the ones recorded: nothing is rebuilt").isEqualTo(corrupted);

        jdbc.sql("update derived_data_rules set version = 'counting-rules-0/holidays-0000000000000000'").update();
        atStart.run(null);
        assertThat(derived()).isEqualTo(correct);
        assertThat(jdbc.sql("select version from derived_data_rules").query(String.class).single()).isEqualTo(rules.version());

        // Derived data recorded under no version at all (a database from before the versions were kept) is rebuilt too.
        jdbc.sql(corrupt).update();
        jdbc.sql("delete from derived_data_rules").update();
        atStart.run(null);
        assertThat(derived()).isEqualTo(correct);
    }

    @Test
    void onlyAnAdministratorMayRebuildAndTheRebuildIsAudited() {
        assertThat(post("/api/v1/derived-data/rebuild", "application/json", "", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/derived-data/rebuild", "application/json", "", INGEST_TOKEN).statusCode()).isEqualTo(403);
        rebuild();
        assertThat(jdbc.sql("select count(*) from audit_log where path = '/api/v1/derived-data/rebuild' and status = 200")
                .query(Long.class).single()).isEqualTo(1);
    }
}
