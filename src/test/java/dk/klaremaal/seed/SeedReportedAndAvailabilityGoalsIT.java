package dk.klaremaal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Availability (S8), ratios (S11, S12, S20), counts (S14, S19, S23) and a reported value (S18). */
class SeedReportedAndAvailabilityGoalsIT extends SeedGoalTest {

    @Test
    void s8UptimeCountsOverlappingDowntimeOnceAndKnowsMarchHasAnHourLess() {
        // February 2025 = 28 × 24 × 60 = 40,320 minutes. Down 10:00–14:00 and 13:00–15:00 on the 10th → 300 minutes once
        // → 100 × (1 − 300/40,320) = 99.255… % → tilfredsstillende.
        // March 2025 loses an hour to summer time: 743 hours = 2,674,800 s. Down 26,748 s (07:25:48) → exactly 99 % → tilfredsstillende;
        // one second more in April's 2,592,000 s would not matter, but April with 26,000 s down → 98.99… % → på vej.
        send("downtime", """
                downtime_id,organisation,system,started_at,ended_at
                d1,oekonomistyrelsen,selvbetjening-inddrivelse,2025-02-10T10:00,2025-02-10T14:00
                d2,oekonomistyrelsen,selvbetjening-inddrivelse,2025-02-10T13:00,2025-02-10T15:00
                d3,oekonomistyrelsen,selvbetjening-inddrivelse,2025-03-05T00:00,2025-03-05T07:25:48
                d4,oekonomistyrelsen,selvbetjening-inddrivelse,2025-04-05T00:00,2025-04-05T07:13:20
                """);
        var february = result("oekonomistyrelsen", "S8", "2025-02");
        assertThat(february.value().doubleValue()).isCloseTo(100 * (1 - 300.0 / 40320), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(february.status()).isEqualTo("satisfactory");
        var march = result("oekonomistyrelsen", "S8", "2025-03");
        assertThat(march.value()).isEqualByComparingTo("99");
        assertThat(march.status()).isEqualTo("satisfactory");
        var april = result("oekonomistyrelsen", "S8", "2025-04");
        assertThat(april.value().doubleValue()).isCloseTo(100 * (1 - 26000.0 / 2592000), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(april.status()).isEqualTo("on_the_way");
        assertThat(result("oekonomistyrelsen", "S8", "2025-05").value()).isEqualByComparingTo("100");
        // The demo system was followed until the end of 2025; nothing is claimed after that.
        assertThat(json(get("/api/v1/goals/" + goalId("oekonomistyrelsen", "S8") + "/results")).get("results").toString())
                .doesNotContain("\"2026-01\",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-01-31\",\"provisional\":false,\"observations\":0,\"value\":100");
    }

    @Test
    void s11ExactlyOnePointFivePercentOverturnedIsOnTheWay() {
        // 200 decided cases in 2025 and 3 overturned → 1.50 % → på vej (1.50–1.75). 2024: 3 of 201 → 1.49 % → tilfredsstillende.
        manyCases("arbejdsskadestyrelsen", "arbejdsskadesag", java.util.List.of(casesTaking(200, "2025-03-03T09:00", 30),
                casesTaking(201, "2024-03-04T09:00", 30)));
        reported("arbejdsskadestyrelsen", "omgjorte-afgoerelser", "2025", "3", "2024", "3");
        var r2025 = result("arbejdsskadestyrelsen", "S11", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("1.5");
        assertThat(r2025.observations()).isEqualTo(200);
        assertThat(r2025.status()).isEqualTo("on_the_way");
        assertThat(result("arbejdsskadestyrelsen", "S11", "2024").status()).isEqualTo("satisfactory");
    }

    @Test
    void s12AndS20RatiosOfTwoReportedSeries() {
        reported("su-styrelsen", "kender-tilbagebetaling", "2025", "97", "2024", "969");
        reported("su-styrelsen", "modtagere-med-tilbagebetaling", "2025", "100", "2024", "1000");
        reported("skat", "selvangivelser-online", "2025", "68");
        reported("skat", "selvangivelser-i-alt", "2025", "100");
        assertThat(result("su-styrelsen", "S12", "2025").status()).isEqualTo("met");
        assertThat(result("su-styrelsen", "S12", "2024").value()).isEqualByComparingTo("96.9");
        assertThat(result("su-styrelsen", "S12", "2024").status()).isEqualTo("not_met");
        assertThat(result("skat", "S20", "2025").value()).isEqualByComparingTo("68");
        assertThat(result("skat", "S20", "2025").status()).isEqualTo("met");
    }

    @Test
    void s14QuarterlyOverrunsAddUpToTheYear() {
        // 2025: 1 + 1 + 1 + 0 = 3 → fuld opfyldelse (≤ 3); 2024: 1 + 1 + 1 + 1 = 4 → delvis (4–10); 2023: 11 → ikke opfyldt.
        reported("udenrigsministeriet", "overskridelser-rejsevejledninger", "2025-Q1", "1", "2025-Q2", "1", "2025-Q3", "1", "2025-Q4", "0",
                "2024-Q1", "1", "2024-Q2", "1", "2024-Q3", "1", "2024-Q4", "1", "2023-Q1", "11");
        assertThat(result("udenrigsministeriet", "S14", "2025").value()).isEqualByComparingTo("3");
        assertThat(result("udenrigsministeriet", "S14", "2025").status()).isEqualTo("met");
        assertThat(result("udenrigsministeriet", "S14", "2024").status()).isEqualTo("partly_met");
        assertThat(result("udenrigsministeriet", "S14", "2023").status()).isEqualTo("not_met");
        // A series holds one kind of period, so a year can never be counted on top of its quarters.
        var mixed = post("/api/v1/reported-values", "text/csv", "organisation,series,period,value,reported_by\n"
                + "udenrigsministeriet,overskridelser-rejsevejledninger,2022,5,Test Testesen\n", INGEST_TOKEN);
        assertThat(mixed.statusCode()).isEqualTo(422);
        assertThat(mixed.body()).contains("is reported per quarter");
    }

    @Test
    void s18ACorrectionReplacesTheValueAndKeepsWhoReportedWhat() {
        reported("arbejdsskadestyrelsen", "netkroner", "2025", "4");
        assertThat(result("arbejdsskadestyrelsen", "S18", "2025").status()).isEqualTo("on_the_way");
        var correction = post("/api/v1/reported-values", "text/csv", "organisation,series,period,value,reported_by,note\n"
                + "arbejdsskadestyrelsen,netkroner,2025,5,Kommunikationschefen,Rettet efter ny opgørelse\n", INGEST_TOKEN);
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
        assertThat(result("arbejdsskadestyrelsen", "S18", "2025").value()).isEqualByComparingTo("5");
        assertThat(result("arbejdsskadestyrelsen", "S18", "2025").status()).isEqualTo("satisfactory");
        var page = get("/maal/" + goalId("arbejdsskadestyrelsen", "S18")).body();
        assertThat(page).contains("Kommunikationschefen").contains("Test Testesen").contains("(erstattet)").contains("Rettet efter ny opgørelse");
        assertThat(jdbc.sql("select reported_via from series_value where value = 5").query(String.class).single()).isEqualTo("token:ingest");
    }

    @Test
    void s19MonthlyPublicationsAddUpToTwoHundred() {
        String[] months = new String[24];
        for (int m = 1; m <= 12; m++) {
            months[2 * (m - 1)] = "2025-%02d".formatted(m);
            months[2 * (m - 1) + 1] = m <= 8 ? "17" : "16";
        }
        reported("patientklagenaevnet", "offentliggjorte-afgoerelser", months);
        // 8 × 17 + 4 × 16 = 200 → tilfredsstillende at the boundary.
        assertThat(result("patientklagenaevnet", "S19", "2025").value()).isEqualByComparingTo("200");
        assertThat(result("patientklagenaevnet", "S19", "2025").status()).isEqualTo("satisfactory");
    }

    @Test
    void s23AssistedEnterprisesAsAShareOfTheTarget() {
        // Target 4,500 a year. 2025: 1,000 + 1,000 + 1,000 + 1,050 = 4,050 = 90 % → delvis opnået. 2024: 4,500 = 100 % → opnået.
        reported("danmarks-eksportraad", "smv-bistaaet", "2025-Q1", "1000", "2025-Q2", "1000", "2025-Q3", "1000", "2025-Q4", "1050",
                "2024-Q1", "1125", "2024-Q2", "1125", "2024-Q3", "1125", "2024-Q4", "1125");
        var r2025 = result("danmarks-eksportraad", "S23", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("4050");
        assertThat(r2025.percentOfTarget()).isEqualByComparingTo("90");
        assertThat(r2025.status()).isEqualTo("partly_met");
        assertThat(result("danmarks-eksportraad", "S23", "2024").status()).isEqualTo("met");
    }
}
