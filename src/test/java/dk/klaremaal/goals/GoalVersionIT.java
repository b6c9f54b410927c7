package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Changing a published goal makes a new version; the public page says what changed and when, and the old version is kept. */
class GoalVersionIT extends SeedGoalTest {

    static final String NEW = """
            {"caseType":"selskabsstiftelse","code":"S1","sentence":"Erhvervs- og Selskabsstyrelsen har et mål om, at stiftelser og ændringer af selskaber i gennemsnit behandles på 12 dage.",
             "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean"},
             "targets":[{"period":"2025","value":12}],"scale":{"kind":"binary","comparator":"<=","threshold":12}}""";

    @Test
    void aNewVersionReplacesTheGoalAndThePageShowsTheEarlierTextAndTarget() {
        cases("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse", "2025-03-03T09:00", "2025-03-16T09:00");
        long old = goalId("erhvervs-og-selskabsstyrelsen", "S1");
        var put = put("/api/v1/goals/" + old, "application/json", NEW, ADMIN_TOKEN);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        long current = json(put).get("id").asLong();
        assertThat(current).isNotEqualTo(old);
        assertThat(goalId("erhvervs-og-selskabsstyrelsen", "S1")).isEqualTo(current);
        // 13 days against the new target of 12: not met any more.
        assertThat(result("erhvervs-og-selskabsstyrelsen", "S1", "2025").status()).isEqualTo("not_met");

        String page = get("/maal/" + current).body();
        assertThat(page).contains("Målet blev ændret den").contains("i gennemsnit behandles på 15 dage.").contains("2025: 15 dage")
                .contains("/maal/" + old);
        String oldPage = get("/maal/" + old).body();
        assertThat(oldPage).contains("Denne version af målet blev erstattet den").contains("/maal/" + current);
        assertThat(get("/organisationer/erhvervs-og-selskabsstyrelsen").body()).contains("behandles på 12 dage").doesNotContain("behandles på 15 dage");
        // Only the current version can be changed, within its own organisation, by a token that may.
        assertThat(put("/api/v1/goals/" + old, "application/json", NEW, ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/goals/" + current, "application/json", NEW.replace("{\"caseType\"", "{\"organisation\":\"statsamterne\",\"caseType\""),
                ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/goals/" + current, "application/json", NEW, INGEST_TOKEN).statusCode()).isEqualTo(403);
    }
}
