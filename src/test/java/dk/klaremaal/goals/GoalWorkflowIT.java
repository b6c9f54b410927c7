package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.ApiTokenService;
import dk.klaremaal.support.SeedGoalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval of a goal: Vejle's technical administration drafts and submits it, the municipality
 * above it approves it, and only then is it published and public. The administration cannot approve
 * its own goal.
 */
class GoalWorkflowIT extends SeedGoalTest {

    static final String ADMINISTRATION = "vejle-tm-token";
    static final String MUNICIPALITY = "vejle-kommune-token";

    @Autowired
    ApiTokenService apiTokens;

    @BeforeEach
    void tokens() {
        apiTokens.register("vejle-tm", ADMINISTRATION, "admin",
                jdbc.sql("select id from organisation where slug = 'vejle-teknik-og-miljoe'").query(Long.class).single());
        apiTokens.register("vejle-kommune", MUNICIPALITY, "admin",
                jdbc.sql("select id from organisation where slug = 'vejle-kommune'").query(Long.class).single());
    }

    private int state(long id, String state, String token) {
        return put("/api/v1/goals/" + id + "/state", "application/json", "{\"state\":\"" + state + "\"}", token).statusCode();
    }

    @Test
    void aDraftIsSubmittedApprovedByTheDepartmentAndThenPublished() {
        var created = post("/api/v1/goals", "application/json", """
                {"organisation":"vejle-teknik-og-miljoe","caseType":"byggetilladelse","code":"NY","sentence":"Vejle Kommune har et nyt mål om byggetilladelser.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"mean"},
                 "scale":{"kind":"binary","comparator":"<=","threshold":40}}""", ADMINISTRATION);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(get("/maal/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/organisationer/vejle-teknik-og-miljoe").body()).doesNotContain("et nyt mål om byggetilladelser");
        assertThat(get("/api/v1/organisations/vejle-teknik-og-miljoe/unpublished-goals").statusCode()).isEqualTo(403);

        assertThat(state(id, "approved", ADMINISTRATION)).as("a draft must be submitted first").isEqualTo(400);
        assertThat(state(id, "submitted", ADMINISTRATION)).isEqualTo(200);
        assertThat(state(id, "approved", ADMINISTRATION)).as("an organisation does not approve its own goal").isEqualTo(403);
        assertThat(state(id, "published", MUNICIPALITY)).as("not before it is approved").isEqualTo(400);
        assertThat(state(id, "approved", MUNICIPALITY)).isEqualTo(200);
        assertThat(get("/maal/" + id).statusCode()).isEqualTo(404);
        assertThat(state(id, "published", ADMINISTRATION)).isEqualTo(200);

        assertThat(get("/maal/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/organisationer/vejle-teknik-og-miljoe").body()).contains("et nyt mål om byggetilladelser");
        var log = jdbc.sql("select count(*) from audit_log where path like '/api/v1/goals/%/state'").query(Long.class).single();
        assertThat(log).as("six state changes asked for, refused or not").isEqualTo(6);
    }

    @Test
    void aNewVersionFromTheInstitutionWaitsForApprovalWhileTheOldOneStaysPublic() {
        long old = goalId("vejle-teknik-og-miljoe", "M3a");
        var changed = put("/api/v1/goals/" + old, "application/json", """
                {"caseType":"anmeldelse-brs98","code":"M3a","sentence":"Vejle Kommune har et mål om, at mindst 95 pct. af anmeldelserne besvares inden for 2 uger.",
                 "dimension":"faglig_kvalitet","indicator":{"kind":"processing_time","statistic":"share_within","withinDays":14},
                 "scale":{"kind":"binary","comparator":">=","threshold":95}}""", ADMINISTRATION);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        long draft = json(changed).get("id").asLong();
        assertThat(goalId("vejle-teknik-og-miljoe", "M3a")).isEqualTo(old);
        state(draft, "submitted", ADMINISTRATION);
        state(draft, "approved", MUNICIPALITY);
        assertThat(state(draft, "published", MUNICIPALITY)).isEqualTo(200);
        assertThat(goalId("vejle-teknik-og-miljoe", "M3a")).isEqualTo(draft);
        assertThat(get("/maal/" + draft).body()).contains("Målet blev ændret den");
        assertThat(get("/maal/" + old).body()).contains("Denne version af målet blev erstattet");
    }
}
