package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.demo.CaseEventGenerator;
import dk.klaremaal.support.HistogramRecount;
import dk.klaremaal.support.SeedGoalTest;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly processing-time histograms kept on ingest against a full recomputation: after uploads
 * that overlap and change cases already stored (late decisions, reopenings), the histograms equal a
 * count over the case records, and every figure read from them equals the same figure computed from
 * the case records.
 */
class ProcessingTimeHistogramIT extends SeedGoalTest {

    @Autowired
    CaseStatisticsRepository statistics;

    /**
     * Uploads the first half of every case's events (each case's rows are together, oldest first), then
     * the whole file: the second upload decides, reopens and decides again cases the first stored, moving
     * their decision months. The second is more than 10,000 rows and larger than what is stored: it takes
     * the bulk path (the stored cases looked up among the upload's).
     */
    private void uploadCasesThenTheirLaterEvents() throws Exception {
        StringWriter file = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(file, 5_000, 5, 2023, LocalDate.now().minusDays(1));
        List<String> lines = file.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(10_001);
        List<String> rows = lines.subList(1, lines.size());
        java.util.Map<String, List<String>> byCase = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byCase.computeIfAbsent(r.split(",")[3], k -> new ArrayList<>()).add(r));
        List<String> firstHalves = new ArrayList<>();
        byCase.values().forEach(events -> firstHalves.addAll(events.subList(0, Math.max(1, events.size() / 2))));
        send("case-events", lines.getFirst() + "\n" + String.join("\n", firstHalves) + "\n");
        long afterFirst = jdbc.sql("select count(*) from case_record where not is_open").query(Long.class).single();
        send("case-events", file.toString());
        assertThat(jdbc.sql("select count(*) from case_record where not is_open").query(Long.class).single()).isGreaterThan(afterFirst);
    }

    @Test
    void histogramsKeptOnIngestEqualAFullRecountAndGiveTheSameFigures() throws Exception {
        uploadCasesThenTheirLaterEvents();

        var recount = jdbc.sql(HistogramRecount.SQL).query().singleRow();
        assertThat(((Number) recount.get("differences")).longValue()).isZero();
        assertThat(((Number) recount.get("histogram_rows")).longValue()).isPositive();

        List<DateRange> ranges = new ArrayList<>();
        for (int year = 2023; year <= LocalDate.now().getYear(); year++) {
            ranges.add(new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            for (int q = 0; q < 4; q++) {
                LocalDate from = LocalDate.of(year, 1 + 3 * q, 1);
                ranges.add(new DateRange(from, from.plusMonths(3).minusDays(1)));
                ranges.add(new DateRange(LocalDate.of(year, 1, 1), from.plusMonths(3).minusDays(1)));
            }
            ranges.add(new DateRange(LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 1).plusMonths(1).minusDays(1)));
        }
        List<Long> caseTypes = jdbc.sql("select distinct case_type_id from case_record order by 1").query(Long.class).list();
        assertThat(caseTypes).hasSizeGreaterThan(3);
        int compared = 0;
        for (long caseType : caseTypes) {
            for (boolean working : new boolean[]{false, true}) {
                for (BigDecimal fraction : List.of(new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("0.9"))) {
                    var fromRecords = statistics.fromRecords(caseType, ranges, working, fraction, 14, true);
                    var fromHistograms = statistics.fromHistograms(caseType, ranges, working, fraction, 14, true);
                    assertThat(fromHistograms).as("case type %d, working %s, fraction %s", caseType, working, fraction).containsExactly(fromRecords);
                    for (var a : fromRecords) {
                        compared += a == null ? 0 : 1;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        // The public entry point reads whole months from the histograms and anything else from the records.
        DateRange oddRange = new DateRange(LocalDate.of(2024, 3, 15), LocalDate.of(2024, 9, 14));
        assertThat(CaseStatisticsRepository.wholeMonths(oddRange)).isFalse();
        assertThat(statistics.aggregate(caseTypes.getFirst(), List.of(oddRange), false, new BigDecimal("0.5"), 14, true))
                .containsExactly(statistics.fromRecords(caseTypes.getFirst(), List.of(oddRange), false, new BigDecimal("0.5"), 14, true));
    }

    /**
     * Cases open at the end of a day, read from the records (a case never reopened) and the kept spans
     * (a reopened one), against a count straight from the events: a case is open at the end of a day
     * when its last event until then, in the order events apply, is not a decision.
     */
    @Test
    void casesOpenAtTheEndOfADayEqualACountFromTheEvents() throws Exception {
        uploadCasesThenTheirLaterEvents();
        assertThat(jdbc.sql("select count(*) from case_record where reopened").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(distinct (case_type_id, case_id)) from case_span").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from case_record where reopened").query(Long.class).single());
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 1, 31); d.isBefore(LocalDate.now()); d = d.plusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1)) {
            ends.add(d);
            ends.add(d.minusDays(12));
        }
        List<Long> caseTypes = jdbc.sql("select distinct case_type_id from case_record order by 1").query(Long.class).list();
        int compared = 0;
        for (long caseType : caseTypes) {
            java.util.Map<LocalDate, String> fromEvents = new java.util.TreeMap<>();
            for (LocalDate end : ends) {
                jdbc.sql("""
                        with e as (
                            select case_id, event, occurred_at, event_id, (occurred_at at time zone 'Europe/Copenhagen')::date as day,
                                   array_position(array['received', 'completed', 'resumed', 'paused', 'decided', 'reopened'], event) as k
                            from case_event where case_type_id = :type),
                        last_event as (
                            select distinct on (case_id) case_id, event from e where day <= :end
                            order by case_id, occurred_at desc, k desc, event_id desc),
                        received as (select case_id, min(day) as day from e where event = 'received' group by case_id)
                        select count(*), max(:end - r.day) from last_event l join received r using (case_id) where l.event <> 'decided'""")
                        .param("type", caseType).param("end", end)
                        .query((rs, n) -> rs.getLong(1) == 0 ? null : fromEvents.put(end, rs.getLong(1) + " open, oldest " + rs.getInt(2)))
                        .list();
            }
            java.util.Map<LocalDate, String> fromRecords = new java.util.TreeMap<>();
            statistics.openAt(caseType, ends).forEach(o -> fromRecords.put(o.periodEnd(), o.count() + " open, oldest " + o.oldestAgeDays()));
            assertThat(fromRecords).as("case type %d", caseType).isEqualTo(fromEvents);
            compared += fromEvents.size();
        }
        assertThat(compared).isGreaterThan(100);
    }
}
