package dk.klaremaal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Satisfaction seed goals (S4, S15, S16, S17, M4, M5) from answers and from reported aggregates. */
class SeedSatisfactionGoalsIT extends SeedGoalTest {

    @Test
    void s4ShareGoodOrAcceptable() {
        // 2025: answers {1, 2, 3, 3, 4, 4, 5, 5, 5, 5} → 8 of 10 at "Acceptabel" (3) or better = 80 % → not met.
        // 2024: 1 × 2 and 9 × 4 → 90 % → met at the boundary.
        answers("danmarks-meteorologiske-institut", "brugerundersoegelse", "service", "2025-09-15", 1, 1, 2, 2, 4);
        answers("danmarks-meteorologiske-institut", "brugerundersoegelse", "service", "2024-09-16", 0, 1, 0, 9, 0);
        assertThat(result("danmarks-meteorologiske-institut", "S4", "2025").value()).isEqualByComparingTo("80");
        assertThat(result("danmarks-meteorologiske-institut", "S4", "2025").status()).isEqualTo("not_met");
        assertThat(result("danmarks-meteorologiske-institut", "S4", "2024").status()).isEqualTo("met");
    }

    @Test
    void s15EightyIsSatisfactorySixtyFiveIsUnsatisfactory() {
        // 16 of 20 satisfied (4 or 5) → 80 % → tilfredsstillende; 2024: 13 of 20 → 65 % → utilfredsstillende (≤ 65);
        // 2023: 14 of 20 → 70 % → på vej.
        answers("cpr-kontoret", "kundeundersoegelse", "levering", "2025-10-01", 1, 1, 2, 10, 6);
        answers("cpr-kontoret", "kundeundersoegelse", "levering", "2024-10-01", 2, 2, 3, 10, 3);
        answers("cpr-kontoret", "kundeundersoegelse", "levering", "2023-10-02", 2, 2, 2, 10, 4);
        assertThat(result("cpr-kontoret", "S15", "2025").status()).isEqualTo("satisfactory");
        assertThat(result("cpr-kontoret", "S15", "2024").value()).isEqualByComparingTo("65");
        assertThat(result("cpr-kontoret", "S15", "2024").status()).isEqualTo("unsatisfactory");
        assertThat(result("cpr-kontoret", "S15", "2023").status()).isEqualTo("on_the_way");
    }

    @Test
    void s16ReportedAggregatesAsCountsOrPercentages() {
        // 2025 counts {10, 10, 5, 50, 25} → 75 of 100 satisfied = 75 % → på vej (satisfactory needs more than 75).
        // 2024: 200 respondents with {5, 5, 10, 40, 40} % → {10, 10, 20, 80, 80} → 80 % → tilfredsstillende.
        var a = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"statsamterne","survey":"brugerundersoegelse","question":"service-og-sagsbehandling",
                 "period":"2025","counts":[10,10,5,50,25],"reportedBy":"Test Testesen"}""", INGEST_TOKEN);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        var b = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"statsamterne","survey":"brugerundersoegelse","question":"service-og-sagsbehandling",
                 "period":"2024","respondents":200,"percentages":[5,5,10,40,40],"reportedBy":"Test Testesen"}""", INGEST_TOKEN);
        assertThat(json(b).get("counts").toString()).isEqualTo("[10,10,20,80,80]");
        assertThat(result("statsamterne", "S16", "2025").value()).isEqualByComparingTo("75");
        assertThat(result("statsamterne", "S16", "2025").status()).isEqualTo("on_the_way");
        assertThat(result("statsamterne", "S16", "2024").status()).isEqualTo("satisfactory");
        // Individual answers may not be sent for a period that has an aggregate.
        var clash = post("/api/v1/survey-responses", "text/csv", """
                response_id,organisation,survey,question,answered_on,score
                x,statsamterne,brugerundersoegelse,service-og-sagsbehandling,2025-05-01,4
                """, INGEST_TOKEN);
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("aggregate is already reported");
    }

    @Test
    void s17ALevelIsReachedOnlyWhenBothConditionsHold() {
        // 2025: 40 answers, 39 satisfied (4–5) = 97.5 % (> 95 → fuld); of those 22 very satisfied = 56.4 % (≥ 55 → fuld) → met.
        // 2024: 39 satisfied again, but only 17 very satisfied = 43.6 % (< 45) → ikke opfyldt, although 97.5 % are satisfied.
        // 2023: 38 of 40 satisfied = 95 % (delvis: 80–95), 20 of 38 very = 52.6 % (delvis) → delvist opfyldt.
        answers("danmarks-eksportraad", "kundeundersoegelse", "samlet", "2025-11-03", 0, 0, 1, 17, 22);
        answers("danmarks-eksportraad", "kundeundersoegelse", "samlet", "2024-11-04", 0, 0, 1, 22, 17);
        answers("danmarks-eksportraad", "kundeundersoegelse", "samlet", "2023-11-06", 0, 1, 1, 18, 20);
        var r2025 = result("danmarks-eksportraad", "S17", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("97.5");
        assertThat(r2025.secondary().doubleValue()).isCloseTo(2200.0 / 39, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r2025.status()).isEqualTo("met");
        assertThat(result("danmarks-eksportraad", "S17", "2024").status()).isEqualTo("not_met");
        assertThat(result("danmarks-eksportraad", "S17", "2023").status()).isEqualTo("partly_met");
    }

    @Test
    void m4TheMeanScoreIsAssessedAgainstEachYearsOwnTarget() {
        // 2025 target 3.888: 14 × 3 and 111 × 4 → (42 + 444) / 125 = 3.888 → 100 % of target → met.
        // 2024 target 3.832: 1 × 3 and 4 × 4 → 19/5 = 3.8 → 99.2 % of target → not met.
        answers("koebenhavn-boerne-og-ungdomsforvaltningen", "foraeldreundersoegelse", "undervisningsmidler", "2025-05-05", 0, 0, 14, 111, 0);
        answers("koebenhavn-boerne-og-ungdomsforvaltningen", "foraeldreundersoegelse", "undervisningsmidler", "2024-05-06", 0, 0, 1, 4, 0);
        var r2025 = result("koebenhavn-boerne-og-ungdomsforvaltningen", "M4", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("3.888");
        assertThat(r2025.percentOfTarget()).isEqualByComparingTo("100");
        assertThat(r2025.status()).isEqualTo("met");
        assertThat(result("koebenhavn-boerne-og-ungdomsforvaltningen", "M4", "2024").value()).isEqualByComparingTo("3.8");
        assertThat(result("koebenhavn-boerne-og-ungdomsforvaltningen", "M4", "2024").status()).isEqualTo("not_met");
    }

    @Test
    void m5EightyPercentOfParentsSatisfied() {
        var a = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"odsherred-kommune","survey":"foraeldreundersoegelse-fritidsklub","question":"atmosfaere",
                 "period":"2025","counts":[2,3,7,24,24],"reportedBy":"Test Testesen"}""", INGEST_TOKEN);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(result("odsherred-kommune", "M5", "2025").value()).isEqualByComparingTo("80");
        assertThat(result("odsherred-kommune", "M5", "2025").observations()).isEqualTo(60);
        assertThat(result("odsherred-kommune", "M5", "2025").status()).isEqualTo("met");
    }
}
