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
}
