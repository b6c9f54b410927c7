package dk.klaremaal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Contact seed goals (S2, S7, S21, S22) with hand-worked call and e-mail logs. */
class SeedContactGoalsIT extends SeedGoalTest {

    private static final String HEADER = "contact_id,organisation,channel,offered_at,answered_at,abandoned,outcome\n";

    @Test
    void s2EightyPercentWithinThirtySecondsIsSatisfactoryAndSeventyFiveOnTheWay() {
        // 2025-Q1: 10 calls; 8 answered within 30 s (one after exactly 30 s), one after 31 s, one abandoned → 8/10 = 80 %.
        // 2025-Q2: 4 calls; 3 within, 1 after 45 s → 75 % → på vej. 2025-Q3: 7 of 10 → 70 % → utilfredsstillende.
        StringBuilder csv = new StringBuilder(HEADER);
        int[] q1 = {0, 5, 10, 12, 20, 25, 29, 30, 31};
        for (int i = 0; i < q1.length; i++) {
            csv.append("q1-").append(i).append(",erhvervs-og-selskabsstyrelsen,phone,2025-02-03T10:00:00,2025-02-03T10:00:")
                    .append("%02d".formatted(q1[i])).append(",,\n");
        }
        csv.append("q1-x,erhvervs-og-selskabsstyrelsen,phone,2025-02-03T11:00:00,,true,\n");
        int[] q2 = {1, 2, 3, 45};
        for (int i = 0; i < q2.length; i++) {
            csv.append("q2-").append(i).append(",erhvervs-og-selskabsstyrelsen,phone,2025-05-05T10:00:00,2025-05-05T10:00:")
                    .append("%02d".formatted(q2[i])).append(",,\n");
        }
        for (int i = 0; i < 10; i++) {
            csv.append("q3-").append(i).append(",erhvervs-og-selskabsstyrelsen,phone,2025-08-04T10:00:00,2025-08-04T10:0")
                    .append(i < 7 ? "0:10" : "1:10").append(",,\n");
        }
        send("contacts", csv.toString());
        var q1Result = result("erhvervs-og-selskabsstyrelsen", "S2", "2025-Q1");
        assertThat(q1Result.value()).isEqualByComparingTo("80");
        assertThat(q1Result.observations()).isEqualTo(10);
        assertThat(q1Result.status()).isEqualTo("satisfactory");
        assertThat(result("erhvervs-og-selskabsstyrelsen", "S2", "2025-Q2").status()).isEqualTo("on_the_way");
        assertThat(result("erhvervs-og-selskabsstyrelsen", "S2", "2025-Q3").status()).isEqualTo("unsatisfactory");
    }

    @Test
    void s7TheEightiethPercentileOfAnswerDaysIsAssessed() {
        // 2025 answer times {10, 12, 14, 14, 30} days: rank 0.8 × 4 = 3.2 → 14 + 0.2 × (30 − 14) = 17.2 → på vej (14 < x ≤ 21).
        // 2024 {10, 14, 14, 14, 14} → 14 exactly → tilfredsstillende. 2023 {22, 22, 22, 22, 22} → 22 → utilfredsstillende.
        StringBuilder csv = new StringBuilder(HEADER);
        int[][] years = {{2025, 10, 12, 14, 14, 30}, {2024, 10, 14, 14, 14, 14}, {2023, 22, 22, 22, 22, 22}};
        for (int[] y : years) {
            for (int i = 1; i < y.length; i++) {
                java.time.LocalDate offered = java.time.LocalDate.of(y[0], 3, 3);
                csv.append("e").append(y[0]).append('-').append(i).append(",oekonomistyrelsen,email,").append(offered).append("T10:00,")
                        .append(offered.plusDays(y[i])).append("T09:00,,\n");
            }
        }
        send("contacts", csv.toString());
        assertThat(result("oekonomistyrelsen", "S7", "2025").value()).isEqualByComparingTo("17.2");
        assertThat(result("oekonomistyrelsen", "S7", "2025").status()).isEqualTo("on_the_way");
        assertThat(result("oekonomistyrelsen", "S7", "2024").value()).isEqualByComparingTo("14");
        assertThat(result("oekonomistyrelsen", "S7", "2024").status()).isEqualTo("satisfactory");
        assertThat(result("oekonomistyrelsen", "S7", "2023").status()).isEqualTo("unsatisfactory");
    }

    @Test
    void s21TheShareOfAnsweredCallsEndingInAnActiveService() {
        // 4 answered calls, 3 with active-service, plus 1 abandoned call that does not count → 3/4 = 75 % → met.
        send("contacts", HEADER + """
                a,finansministeriet,phone,2025-03-03T10:00:00,2025-03-03T10:00:20,,active-service
                b,finansministeriet,phone,2025-03-03T10:01:00,2025-03-03T10:01:20,,active-service
                c,finansministeriet,phone,2025-03-03T10:02:00,2025-03-03T10:02:20,,active-service
                d,finansministeriet,phone,2025-03-03T10:03:00,2025-03-03T10:03:20,,referred
                e,finansministeriet,phone,2025-03-03T10:04:00,,true,
                """);
        var r = result("finansministeriet", "S21", "2025");
        assertThat(r.value()).isEqualByComparingTo("75");
        assertThat(r.observations()).isEqualTo(4);
        assertThat(r.status()).isEqualTo("met");
    }

    @Test
    void s22OneMissedCallOnTheDutyPhoneFailsTheQuarter() {
        send("contacts", HEADER + """
                a,soefartsstyrelsen,duty-phone,2025-01-10T03:00:00,2025-01-10T03:00:08,,
                b,soefartsstyrelsen,duty-phone,2025-04-10T03:00:00,2025-04-10T03:00:08,,
                c,soefartsstyrelsen,duty-phone,2025-05-10T23:59:00,,true,
                """);
        assertThat(result("soefartsstyrelsen", "S22", "2025-Q1").value()).isEqualByComparingTo("0");
        assertThat(result("soefartsstyrelsen", "S22", "2025-Q1").status()).isEqualTo("met");
        assertThat(result("soefartsstyrelsen", "S22", "2025-Q2").value()).isEqualByComparingTo("1");
        assertThat(result("soefartsstyrelsen", "S22", "2025-Q2").status()).isEqualTo("not_met");
    }
}
