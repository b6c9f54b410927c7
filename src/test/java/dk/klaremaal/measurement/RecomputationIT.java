package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.Test;

/** Recomputing every goal's results on demand: what it keeps is what a node then serves; only for administrators of all organisations. */
class RecomputationIT extends SeedGoalTest {

    @Test
    void anAdministratorRecomputesAndTheKeptResultsAreServed() {
        cases("statsamterne", "separation-og-skilsmisse", "2024-03-04T09:00", "2024-04-15T09:00", "2024-05-06T09:00", "2024-06-03T09:00");
        // 42 and 28 days: a mean of 35 days, 5 weeks.
        assertThat(post("/api/v1/results/recomputations", "application/json", "", INGEST_TOKEN).statusCode()).isEqualTo(403);
        var run = post("/api/v1/results/recomputations", "application/json", "", ADMIN_TOKEN);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        long goals = jdbc.sql("select count(*) from goal where state = 'published' and superseded_at is null and indicator_kind <> 'availability'")
                .query(Long.class).single();
        assertThat(json(run).get("goals").asLong()).isEqualTo(goals).isPositive();
        String kept = jdbc.sql("select s.results::text from result_snapshot s join goal g on g.id = s.goal_id where g.code = 'S6'")
                .query(String.class).single();
        assertThat(JSON.readTree(kept).get(0).get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(result("statsamterne", "S6", "2024").value()).isEqualByComparingTo("5");
    }
}
