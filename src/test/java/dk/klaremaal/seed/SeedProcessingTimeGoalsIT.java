package dk.klaremaal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Processing-time seed goals, each with a hand-worked data set; dates are local Copenhagen times. */
class SeedProcessingTimeGoalsIT extends SeedGoalTest {

    @Test
    void s1AMeanOfExactly15DaysIsMet() {
        // 2025: 10, 20 and 15 days → mean 15 → "✓ if ≤ 15" holds at the boundary. 2024: 15 and 16 → 15.5 → not met.
        cases("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse",
                "2025-03-03T09:00", "2025-03-13T09:00", "2025-04-01T09:00", "2025-04-21T09:00", "2025-05-05T09:00", "2025-05-20T09:00",
                "2024-03-04T09:00", "2024-03-19T09:00", "2024-04-01T09:00", "2024-04-17T09:00");
        var r2025 = result("erhvervs-og-selskabsstyrelsen", "S1", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("15");
        assertThat(r2025.status()).isEqualTo("met");
        var r2024 = result("erhvervs-og-selskabsstyrelsen", "S1", "2024");
        assertThat(r2024.value()).isEqualByComparingTo("15.5");
        assertThat(r2024.status()).isEqualTo("not_met");
    }

    @Test
    void s3CountsFromTheMarketingAuthorisationNotFromReceipt() {
        // Received 2025-01-02, authorised (completed) 2025-02-01, decided 2025-05-02: 90 days from authorisation (120 from
        // receipt) → within. Second case authorised 2025-03-01, decided 2025-05-30: 90 days → within. 2/2 = 100 % → met.
        send("case-events", dk.klaremaal.support.Fixtures.HEADER + """
                a-r,laegemiddelstyrelsen,generelt-tilskud,A,received,2025-01-02T09:00
                a-c,laegemiddelstyrelsen,generelt-tilskud,A,completed,2025-02-01T09:00
                a-d,laegemiddelstyrelsen,generelt-tilskud,A,decided,2025-05-02T09:00
                b-r,laegemiddelstyrelsen,generelt-tilskud,B,received,2025-02-20T09:00
                b-c,laegemiddelstyrelsen,generelt-tilskud,B,completed,2025-03-01T09:00
                b-d,laegemiddelstyrelsen,generelt-tilskud,B,decided,2025-05-30T09:00
                c-r,laegemiddelstyrelsen,generelt-tilskud,C,received,2024-02-20T09:00
                c-c,laegemiddelstyrelsen,generelt-tilskud,C,completed,2024-03-01T09:00
                c-d,laegemiddelstyrelsen,generelt-tilskud,C,decided,2024-05-31T09:00
                """);
        var r2025 = result("laegemiddelstyrelsen", "S3", "2025");
        assertThat(r2025.value()).isEqualByComparingTo("100");
        assertThat(r2025.status()).isEqualTo("met");
        // 2024-03-01 → 2024-05-31 is 91 days (a leap year does not matter here: March to May) → 0 % → not met.
        var r2024 = result("laegemiddelstyrelsen", "S3", "2024");
        assertThat(r2024.value()).isEqualByComparingTo("0");
        assertThat(r2024.status()).isEqualTo("not_met");
    }

    @Test
    void s5ThirteenWeeksExactlyIsMet() {
        // 91 and 91 days → 13 weeks → met; 2024: 91 and 92 → 183/2/7 = 13.071… weeks → not met.
        cases("statsamterne", "social-klage", "2025-01-06T09:00", "2025-04-07T09:00", "2025-02-03T09:00", "2025-05-05T09:00",
                "2024-01-08T09:00", "2024-04-08T09:00", "2024-02-05T09:00", "2024-05-07T09:00");
        assertThat(result("statsamterne", "S5", "2025").value()).isEqualByComparingTo("13");
        assertThat(result("statsamterne", "S5", "2025").status()).isEqualTo("met");
        assertThat(result("statsamterne", "S5", "2024").value().doubleValue()).isCloseTo(183.0 / 2 / 7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result("statsamterne", "S5", "2024").status()).isEqualTo("not_met");
    }

    @Test
    void s6SixWeeksIsSatisfactoryEightIsOnTheWayMoreIsUnsatisfactory() {
        // 2025: 42, 42 days = 6 weeks → satisfactory (≤ 6). 2024: 42, 43 → 6.07 → på vej. 2023: 56, 56 = 8 weeks → på vej
        // (6 < x ≤ 8). 2022: 56, 57 → 8.07 would be utilfredsstillende, but the seed's targets start in 2023: no target.
        cases("statsamterne", "separation-og-skilsmisse",
                "2025-03-03T09:00", "2025-04-14T09:00", "2025-05-05T09:00", "2025-06-16T09:00",
                "2024-03-04T09:00", "2024-04-15T09:00", "2024-05-06T09:00", "2024-06-18T09:00",
                "2023-03-06T09:00", "2023-05-01T09:00", "2023-06-05T09:00", "2023-07-31T09:00",
                "2022-03-07T09:00", "2022-05-02T09:00", "2022-06-06T09:00", "2022-08-02T09:00");
        assertThat(result("statsamterne", "S6", "2025").value()).isEqualByComparingTo("6");
        assertThat(result("statsamterne", "S6", "2025").status()).isEqualTo("satisfactory");
        assertThat(result("statsamterne", "S6", "2024").status()).isEqualTo("on_the_way");
        assertThat(result("statsamterne", "S6", "2023").value()).isEqualByComparingTo("8");
        assertThat(result("statsamterne", "S6", "2023").status()).isEqualTo("on_the_way");
        assertThat(result("statsamterne", "S6", "2022").status()).as("a period without a target is not assessed").isNull();
        java.util.List<String> assessments2022 = new java.util.ArrayList<>();
        json(get("/api/v1/goals/" + goalId("statsamterne", "S6") + "/results")).get("results").forEach(r -> {
            if (r.get("period").asString().equals("2022")) {
                assessments2022.add(r.get("assessment").asString());
            }
        });
        assertThat(assessments2022).containsExactly("no_target");
    }

    @Test
    void s9AllEnquiriesWithinTenDaysIsMetOneLateIsNot() {
        cases("arkitektskolen-aarhus", "skriftlig-henvendelse", "2025-02-03T09:00", "2025-02-13T09:00", "2025-03-03T09:00", "2025-03-06T09:00",
                "2024-02-05T09:00", "2024-02-15T09:00", "2024-03-04T09:00", "2024-03-15T09:00");
        assertThat(result("arkitektskolen-aarhus", "S9", "2025").status()).isEqualTo("met");
        assertThat(result("arkitektskolen-aarhus", "S9", "2024").value()).isEqualByComparingTo("50");
        assertThat(result("arkitektskolen-aarhus", "S9", "2024").status()).isEqualTo("not_met");
    }

    @Test
    void s10NinetyNinePercentIsSatisfactoryNinetyFiveIsOnTheWay() {
        // 2025: 99 of 100 within 2 days → 99 % → tilfredsstillende (≥ 99). 2024: 19 of 20 → 95 % → på vej (95 ≤ x < 99).
        manyCases("laegemiddelstyrelsen", "terminaltilskud", List.of(casesTaking(99, "2025-05-05T09:00", 2), casesTaking(1, "2025-05-05T09:00", 3),
                casesTaking(19, "2024-05-06T09:00", 2), casesTaking(1, "2024-05-06T09:00", 3)));
        assertThat(result("laegemiddelstyrelsen", "S10", "2025").value()).isEqualByComparingTo("99");
        assertThat(result("laegemiddelstyrelsen", "S10", "2025").status()).isEqualTo("satisfactory");
        assertThat(result("laegemiddelstyrelsen", "S10", "2024").value()).isEqualByComparingTo("95");
        assertThat(result("laegemiddelstyrelsen", "S10", "2024").status()).isEqualTo("on_the_way");
    }

    @Test
    void s13NinetyFivePercentIsSatisfactoryOnTheCorrectedScale() {
        // Same or next day = within 1 day. 19 of 20 → 95 % → tilfredsstillende; 2024: 9 of 10 → 90 % → på vej; 2023: 8 of 10 → ikke.
        manyCases("danmarks-biblioteksskole", "fjernlaan", List.of(casesTaking(19, "2025-05-05T09:00", 1), casesTaking(1, "2025-05-05T09:00", 2),
                casesTaking(9, "2024-05-06T09:00", 0), casesTaking(1, "2024-05-06T09:00", 2),
                casesTaking(8, "2023-05-08T09:00", 1), casesTaking(2, "2023-05-08T09:00", 3)));
        assertThat(result("danmarks-biblioteksskole", "S13", "2025").status()).isEqualTo("satisfactory");
        assertThat(result("danmarks-biblioteksskole", "S13", "2024").status()).isEqualTo("on_the_way");
        assertThat(result("danmarks-biblioteksskole", "S13", "2023").status()).isEqualTo("unsatisfactory");
    }

    @Test
    void s24NinetyOnePercentIsOnTheWay() {
        // 91 of 100 within 5 days → 91 % → på vej (91–94); 2024: 90 of 100 → utilfredsstillende (0–90).
        manyCases("det-jyske-musikkonservatorium", "ansoegerhenvendelse", List.of(casesTaking(91, "2025-05-05T09:00", 5),
                casesTaking(9, "2025-05-05T09:00", 6), casesTaking(90, "2024-05-06T09:00", 4), casesTaking(10, "2024-05-06T09:00", 9)));
        assertThat(result("det-jyske-musikkonservatorium", "S24", "2025").status()).isEqualTo("on_the_way");
        assertThat(result("det-jyske-musikkonservatorium", "S24", "2024").status()).isEqualTo("unsatisfactory");
    }

    @Test
    void m1TwoWeeksExactlyIsWithin() {
        cases("koebenhavn-borgerservice", "boligstoette-ansoegning", "2025-03-03T09:00", "2025-03-17T15:00");
        assertThat(result("koebenhavn-borgerservice", "M1", "2025").value()).isEqualByComparingTo("100");
        assertThat(result("koebenhavn-borgerservice", "M1", "2025").status()).isEqualTo("met");
    }

    @Test
    void m2CountsWorkingDaysAndTheMunicipalitysClosingDays() {
        // Received Monday 2025-09-01. M2b: decided Monday 09-08 = 5 working days → within; Tuesday 09-09 = 6 → not. 50 % → not met.
        // M2a: received Tuesday 2025-12-23, decided Monday 12-29: Fredensborg (as Karlebo did) closes Christmas Eve, 25/26 are holidays, 27/28 a
        // weekend → 1 working day → within → 100 % met.
        // M2c: received 2025-09-01, decided 09-15 = 10 working days → within → met.
        cases("fredensborg-kommune", "gadelys-3-5", "2025-09-01T08:00", "2025-09-08T15:00", "2025-09-01T08:00", "2025-09-09T15:00");
        cases("fredensborg-kommune", "omraade-uden-lys", "2025-12-23T16:00", "2025-12-29T10:00");
        cases("fredensborg-kommune", "gadelys-1-2", "2025-09-01T08:00", "2025-09-15T15:00");
        assertThat(result("fredensborg-kommune", "M2b", "2025").value()).isEqualByComparingTo("50");
        assertThat(result("fredensborg-kommune", "M2b", "2025").status()).isEqualTo("not_met");
        assertThat(result("fredensborg-kommune", "M2a", "2025").status()).isEqualTo("met");
        assertThat(result("fredensborg-kommune", "M2c", "2025").status()).isEqualTo("met");
    }

    @Test
    void m3EachCaseTypeHasItsOwnDeadlineAndPermitsCountFromTheCompleteApplication() {
        // M3a 14 days: 9 of 10 → 90 % → met. M3b 28 days: 8 of 10 → 80 % → not met.
        // M3c 56 days from completion: received 01-02, complete 02-03, decided 03-31 = 56 days → within; 1/1 → met.
        manyCases("vejle-teknik-og-miljoe", "anmeldelse-brs98", List.of(casesTaking(9, "2025-04-07T09:00", 14), casesTaking(1, "2025-04-07T09:00", 15)));
        manyCases("vejle-teknik-og-miljoe", "anmeldelse-br95", List.of(casesTaking(8, "2025-04-07T09:00", 28), casesTaking(2, "2025-04-07T09:00", 29)));
        send("case-events", dk.klaremaal.support.Fixtures.HEADER + """
                p-r,vejle-teknik-og-miljoe,byggetilladelse,P,received,2025-01-02T09:00
                p-c,vejle-teknik-og-miljoe,byggetilladelse,P,completed,2025-02-03T09:00
                p-d,vejle-teknik-og-miljoe,byggetilladelse,P,decided,2025-03-31T09:00
                """);
        assertThat(result("vejle-teknik-og-miljoe", "M3a", "2025").status()).isEqualTo("met");
        assertThat(result("vejle-teknik-og-miljoe", "M3b", "2025").value()).isEqualByComparingTo("80");
        assertThat(result("vejle-teknik-og-miljoe", "M3b", "2025").status()).isEqualTo("not_met");
        assertThat(result("vejle-teknik-og-miljoe", "M3c", "2025").status()).isEqualTo("met");
    }

    @Test
    void sm1TheTargetIsOneThirdBelowTheMeasuredBaseline() {
        // Baseline 2023: 60 and 60 days from completion → 60. Target = 60 × (1 − 1/3) = 40.
        // 2024: 40 and 40 → 100 % of the target → met (≤ 100). 2025: 40 and 41 → 40.5 = 101.25 % → not met.
        String csv = dk.klaremaal.support.Fixtures.HEADER;
        String[][] cases = {{"2023-03-01", "2023-04-30"}, {"2023-05-01", "2023-06-30"}, {"2024-03-01", "2024-04-10"},
                {"2024-05-01", "2024-06-10"}, {"2025-03-03", "2025-04-12"}, {"2025-05-01", "2025-06-11"}};
        int n = 0;
        for (String[] c : cases) {
            n++;
            csv += "s" + n + "-r,vejle-teknik-og-miljoe,byggetilladelse,S" + n + ",received," + c[0] + "T08:00\n"
                    + "s" + n + "-c,vejle-teknik-og-miljoe,byggetilladelse,S" + n + ",completed," + c[0] + "T09:00\n"
                    + "s" + n + "-d,vejle-teknik-og-miljoe,byggetilladelse,S" + n + ",decided," + c[1] + "T09:00\n";
        }
        send("case-events", csv);
        var r2024 = result("vejle-teknik-og-miljoe", "SM1", "2024");
        assertThat(r2024.value()).isEqualByComparingTo("40");
        assertThat(r2024.percentOfTarget()).isEqualByComparingTo("100");
        assertThat(r2024.status()).isEqualTo("met");
        var r2025 = result("vejle-teknik-og-miljoe", "SM1", "2025");
        assertThat(r2025.percentOfTarget()).isEqualByComparingTo("101.25");
        assertThat(r2025.status()).isEqualTo("not_met");
        assertThat(result("vejle-teknik-og-miljoe", "SM1", "2023").status()).isNull();
        var goal = json(get("/api/v1/goals/" + goalId("vejle-teknik-og-miljoe", "SM1")));
        assertThat(goal.get("baseline").get("value").decimalValue()).isEqualByComparingTo("60");
    }
}
