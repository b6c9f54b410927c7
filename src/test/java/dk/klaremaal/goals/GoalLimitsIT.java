package dk.klaremaal.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.AccountService;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import dk.klaremaal.support.StaffSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Implausible goals are refused with the field and why, never stored and never a server error: overlong
 * or control characters in texts, too many targets, targets outside the indicator's range, changes
 * beyond −100 % … +1000 %; and a goal is changed only while no other change of it awaits approval.
 */
class GoalLimitsIT extends IntegrationTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";
    static final String ORGANISATION_TOKEN = "testens-styrelse-token";

    @Autowired
    CatalogueService catalogue;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void agency() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        tokens.register("testens-styrelse", ORGANISATION_TOKEN, "admin",
                jdbc.sql("select id from organisation where slug = 'testens-styrelse'").query(Long.class).single());
    }

    private static String goal(String sentence, String indicator, String extra) {
        return """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":%s,"dimension":"faglig_kvalitet",
                 "indicator":%s%s,
                 "scale":{"kind":"binary","comparator":"<=","threshold":100,"basis":"percent_of_target"}}"""
                .formatted(JSON.writeValueAsString(sentence), indicator, extra);
    }

    private static final String MEAN = "{\"kind\":\"processing_time\",\"statistic\":\"mean\"}";
    private static final String SHARE = "{\"kind\":\"processing_time\",\"statistic\":\"share_within\",\"withinDays\":10}";

    private List<String> refused(String body) {
        HttpResponse<String> answer = post("/api/v1/goals", "application/json", body, ADMIN_TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        json(answer).get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("reason").asString()));
        return errors;
    }

    private long goals() {
        return jdbc.sql("select count(*) from goal").query(Long.class).single();
    }

    @Test
    void controlCharactersAndOverlongTextsAreRefused() {
        assertThat(refused(goal("Et mål\u0000 med NUL.", MEAN, ",\"targets\":[{\"period\":\"2025\",\"value\":30}]")))
                .containsExactly("sentence: must not contain control characters such as NUL or tab; line breaks are allowed");
        assertThat(refused(goal("x".repeat(1_000_000), MEAN, ",\"targets\":[{\"period\":\"2025\",\"value\":30}]")))
                .containsExactly("sentence: must be at most 500 characters long");
        assertThat(refused(goal("Et mål.", MEAN, ",\"code\":\"S\\u00071\",\"targets\":[{\"period\":\"2025\",\"value\":30}]")))
                .containsExactly("code: must not contain control characters such as NUL, tab or line breaks");
        assertThat(refused(goal("Et mål.", MEAN, ",\"indicatorKey\":\"" + "a".repeat(81) + "\",\"targets\":[{\"period\":\"2025\",\"value\":30}]")))
                .containsExactly("indicatorKey: must be at most 80 characters long");
        assertThat(goals()).isZero();
        var twoLines = post("/api/v1/goals", "application/json", goal("Et mål\nover to linjer.", MEAN,
                ",\"targets\":[{\"period\":\"2025\",\"value\":30}]"), ADMIN_TOKEN);
        assertThat(twoLines.statusCode()).as(twoLines.body()).isEqualTo(201);
    }

    @Test
    void targetsAreFewAndWithinTheIndicatorsRange() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"period\":\"").append(2000 + i % 100).append("\",\"value\":1}");
        }
        assertThat(refused(goal("Et mål.", MEAN, ",\"targets\":[" + many + "]"))).containsExactly("targets: must have at most 50 items");
        assertThat(refused(goal("Et mål.", MEAN, ",\"targets\":[{\"period\":\"2025\",\"value\":-5}]")))
                .contains("targets[0].value: must be from 0 to 1000000000000");
        assertThat(refused(goal("Et mål.", SHARE, ",\"targets\":[{\"period\":\"2025\",\"value\":101}]")))
                .contains("targets[0].value: must be from 0 to 100");
        assertThat(refused(goal("Et mål.", MEAN, ",\"targets\":[{\"period\":\"2025\",\"value\":1e1000000000}]")))
                .contains("targets[0].value: must be from 0 to 1000000000000");
        assertThat(refused(goal("Et mål.", MEAN, ",\"targets\":[{\"period\":\"1000\",\"value\":30}]")))
                .contains("targets[0].period: must be from 1990 to 2100");
        assertThat(goals()).isZero();
    }

    @Test
    void aChangeFromTheBaselineLiesFromMinusOneHundredToPlusOneThousandPercent() {
        assertThat(refused(goal("Et mål.", MEAN, ",\"baseline\":{\"period\":\"2023\",\"change\":\"-100000%\"}")))
                .containsExactly("baseline.change: must be a change from -100% to +1000%");
        assertThat(refused(goal("Et mål.", MEAN, ",\"baseline\":{\"period\":\"2023\",\"change\":\"11/1\"}")))
                .containsExactly("baseline.change: must be a change from -100% to +1000%");
        assertThat(refused(goal("Et mål.", MEAN, ",\"baseline\":{\"period\":\"2023\",\"value\":-1,\"change\":\"-1/3\"}")))
                .containsExactly("baseline.value: must not be negative");
        for (String change : List.of("-100%", "-1/3", "1000%")) {
            var accepted = post("/api/v1/goals", "application/json",
                    goal("Et mål.", MEAN, ",\"baseline\":{\"period\":\"2023\",\"change\":\"" + change + "\"}"), ADMIN_TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        }
    }

    @Test
    void aGoalWithAChangeAwaitingApprovalIsNotChangedAgain() {
        var created = post("/api/v1/goals", "application/json", goal("Et mål.", MEAN, ",\"code\":\"T1\",\"targets\":[{\"period\":\"2025\",\"value\":30}]"),
                ADMIN_TOKEN);
        long id = json(created).get("id").asLong();
        String change = goal("Et ændret mål.", MEAN, ",\"code\":\"T1\",\"targets\":[{\"period\":\"2025\",\"value\":25}]");
        var first = put("/api/v1/goals/" + id, "application/json", change, ORGANISATION_TOKEN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long pending = json(first).get("id").asLong();
        var second = put("/api/v1/goals/" + id, "application/json", change, ORGANISATION_TOKEN);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        JsonNode problem = json(second);
        assertThat(problem.get("pendingVersion").asLong()).isEqualTo(pending);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("goal " + pending);
        assertThat(goals()).isEqualTo(2);

        accounts.create("ida", "Ida", PASSWORD, "editor", "testens-styrelse");
        StaffSession ida = StaffSession.signIn(base(), "ida", PASSWORD);
        var editor = ida.get("/administration/maal/" + id + "/ret");
        assertThat(editor.statusCode()).as("the goal's page says a new version awaits").isEqualTo(302);
        var page = ida.get("/administration/maal/" + id);
        assertThat(page.body()).contains("allerede en ny version").contains("/administration/maal/" + pending);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisation", "testens-styrelse");
        form.put("caseType", "tilladelse");
        form.put("code", "T1");
        form.put("sentence", "Et ændret mål.");
        form.put("dimension", "faglig_kvalitet");
        form.put("indicator.kind", "processing_time");
        form.put("indicator.statistic", "mean");
        form.put("periodKind", "year");
        form.put("targets[0].period", "2025");
        form.put("targets[0].value", "20");
        form.put("scale.kind", "binary");
        form.put("scale.comparator", "<=");
        form.put("scale.threshold", "100");
        form.put("scale.basis", "percent_of_target");
        var saved = ida.form("/administration/maal/" + id + "/ret", form);
        assertThat(saved.statusCode()).isEqualTo(409);
        assertThat(saved.body()).contains("Målet er ikke gemt").contains("allerede en ny version");
        assertThat(goals()).isEqualTo(2);
    }

    @Test
    void theStaffEditorRefusesNulWithTheFieldsOwnMessage() {
        accounts.create("ida", "Ida", PASSWORD, "editor", "testens-styrelse");
        StaffSession ida = StaffSession.signIn(base(), "ida", PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisation", "testens-styrelse");
        form.put("caseType", "tilladelse");
        form.put("sentence", "Et mål\u0000.");
        form.put("dimension", "faglig_kvalitet");
        form.put("indicator.kind", "processing_time");
        form.put("indicator.statistic", "mean");
        form.put("periodKind", "year");
        form.put("scale.kind", "binary");
        form.put("scale.comparator", "<=");
        form.put("scale.threshold", "30");
        var answer = ida.form("/administration/maal", form);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Målsætningen").contains("må ikke indeholde styretegn som NUL eller tabulator");
        var english = ida.form("/administration/maal?lang=en", form);
        assertThat(english.body()).contains("Goal sentence").contains("must not contain control characters such as NUL or tab");
        assertThat(goals()).isZero();
    }
}
