package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** The trend chart on the goal page and the sparkline with the change on the organisation page. */
class TrendIT extends SeedGoalTest {

    @Test
    void theGoalPageDrawsResultsTargetAndLabelledBandsAndTheOrganisationPageTheChange() {
        // S6: 2024 42 and 43 days → 6.071… weeks; 2025 42 and 42 → 6.0 weeks; change −0.071… → "−0,1 uger".
        cases("statsamterne", "separation-og-skilsmisse", "2024-03-04T09:00", "2024-04-15T09:00", "2024-05-06T09:00", "2024-06-18T09:00",
                "2025-03-03T09:00", "2025-04-14T09:00", "2025-05-05T09:00", "2025-06-16T09:00");
        String goalPage = get("/maal/" + goalId("statsamterne", "S6")).body();
        String svg = goalPage.substring(goalPage.indexOf("<svg"), goalPage.indexOf("</svg>"));
        assertThat(svg).contains("role=\"img\"").contains("<title id=\"trend-title\">").contains("stroke-dasharray")
                .contains(">Tilfredsstillende<").contains(">På vej<").contains(">Utilfredsstillende<")
                .contains("2024: 6,1 uger, På vej").contains("2025: 6,0 uger, Tilfredsstillende");
        assertThat(svg).doesNotContain("style=");
        String organisationPage = get("/organisationer/statsamterne").body();
        assertThat(organisationPage).contains("class=\"sparkline\"").contains("−0,1 uger siden perioden før");
    }

    @Test
    void aBaselineGoalsChartDrawsTheTargetItsResultsCarryAndMarksTheRunningPeriod() {
        // SM1: baseline 2023 of 60 and 60 days (from the complete application) → 60; target one third below: 40 days.
        // 2024: 40 and 40 days → 40, exactly the target, so its point lies on the target line. 2025: 40 and 41 → 40,5.
        // This year: one case of 40 days → a provisional point.
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).getYear();
        String[][] cases = {{"2023-03-01", "2023-04-30"}, {"2023-05-01", "2023-06-30"}, {"2024-03-01", "2024-04-10"},
                {"2024-05-01", "2024-06-10"}, {"2025-03-03", "2025-04-12"}, {"2025-05-01", "2025-06-11"},
                {year + "-01-05", year + "-02-14"}};
        StringBuilder csv = new StringBuilder(dk.klaremaal.support.Fixtures.HEADER);
        int n = 0;
        for (String[] c : cases) {
            n++;
            csv.append("t").append(n).append("-r,vejle-teknik-og-miljoe,byggetilladelse,T").append(n).append(",received,").append(c[0]).append("T08:00\n")
                    .append("t").append(n).append("-c,vejle-teknik-og-miljoe,byggetilladelse,T").append(n).append(",completed,").append(c[0]).append("T09:00\n")
                    .append("t").append(n).append("-d,vejle-teknik-og-miljoe,byggetilladelse,T").append(n).append(",decided,").append(c[1]).append("T09:00\n");
        }
        send("case-events", csv.toString());
        String goalPage = get("/maal/" + goalId("vejle-teknik-og-miljoe", "SM1")).body();
        String svg = goalPage.substring(goalPage.indexOf("<svg"), goalPage.indexOf("</svg>"));

        java.util.regex.Matcher target = java.util.regex.Pattern.compile(
                "<polyline points=\"([^\"]+)\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2\\.0\" stroke-dasharray=\"6 4\"/>").matcher(svg);
        assertThat(target.find()).as("a dashed target line in %s", svg).isTrue();
        java.util.List<String> ys = java.util.Arrays.stream(target.group(1).split(" ")).map(p -> p.split(",")[1]).toList();
        assertThat(ys).as("2024, 2025 and this year carry the target of 40 days").hasSizeGreaterThanOrEqualTo(3).containsOnly(ys.getFirst());
        java.util.regex.Matcher y2024 = java.util.regex.Pattern.compile("cy=\"([0-9.]+)\"[^>]*><title>2024: 40,0 dage").matcher(svg);
        assertThat(y2024.find()).as("the 2024 point in %s", svg).isTrue();
        assertThat(y2024.group(1)).as("2024's 40 days lie on the target line of 40 days").isEqualTo(ys.getFirst());
        assertThat(svg).contains("Den stiplede linje er målsætningen: 40 dage i " + year);

        assertThat(svg.split("trend-point--provisional", -1)).as("one provisional point").hasSize(2);
        assertThat(svg).contains("stroke-dasharray=\"3 2\"><title>" + year + " (foreløbig): 40,0 dage")
                .contains(year + " er foreløbig, fordi perioden ikke er slut");
        assertThat(svg).doesNotContain("style=");
        assertThat(goalPage).contains("En foreløbig periode, der ikke er slut endnu, er tegnet stiplet.");
        String english = get("/maal/" + goalId("vejle-teknik-og-miljoe", "SM1") + "?lang=en").body();
        assertThat(english).contains("The dashed line is the target: 40 days in " + year).contains(year + " is provisional");
    }
}
