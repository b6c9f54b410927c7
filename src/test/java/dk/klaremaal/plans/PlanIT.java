package dk.klaremaal.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.demo.DemoPlans;
import dk.klaremaal.support.SeedGoalTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Statens Administration's plan for 2019 as the reference: quarterly annexes, versions, follow-up and the annual assessment. */
class PlanIT extends SeedGoalTest {

    private static final String PLAN = "/api/v1/plans/statens-administration/2019";

    /**
     * What the source (the agency's plan for 2019) says is due in each quarter, goal by goal, written
     * from the source and not from the demo file: a phrase that identifies each milestone.
     */
    private static final Map<Integer, List<String[]>> SOURCE = Map.of(
            1, List.of(new String[]{"A", "kvalitetsnøgletal for lønadministrationen"}, new String[]{"D", "1.000 timer"}),
            2, List.of(new String[]{"B", "10 pct."}, new String[]{"D", "3.000 timer"}, new String[]{"D", "pilotkunde"}),
            3, List.of(new String[]{"B", "40 pct."}, new String[]{"C", "tilfredshedsmålingen er gennemført"},
                    new String[]{"C", "servicedesksystem"}, new String[]{"D", "7.000 timer"}, new String[]{"E", "FGU-institutioner"}),
            4, List.of(new String[]{"B", "90 pct."}, new String[]{"B", "ISO 9001"}, new String[]{"B", "servicekatalog"},
                    new String[]{"C", "kundeportalen"}, new String[]{"D", "12.000 timer"}, new String[]{"D", "robot er i drift for en ekstern kunde"}));

    @Autowired
    DemoPlans demoPlans;

    @Test
    void theReferencePlansAnnexesListExactlyTheMilestonesTheSourceListsForEachQuarter() throws Exception {
        demoPlans.load();
        Map<Integer, List<String>> texts = new java.util.HashMap<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            HttpResponse<String> response = get(PLAN + "/annexes/" + quarter);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode annex = json(response);
            assertThat(annex.get("heading").asString()).isEqualTo("Efter " + quarter + ". kvartal følges op på:");
            List<String[]> listed = new ArrayList<>();
            for (JsonNode goal : annex.get("goals")) {
                for (JsonNode m : goal.get("milestones")) {
                    assertThat(m.get("quarter").asInt()).isEqualTo(quarter);
                    listed.add(new String[]{goal.get("code").asString(), m.get("text").asString()});
                }
            }
            List<String[]> expected = SOURCE.get(quarter);
            assertThat(listed).as("quarter %d", quarter).hasSameSizeAs(expected);
            for (String[] source : expected) {
                assertThat(listed.stream().filter(l -> l[0].equals(source[0]) && l[1].toLowerCase().contains(source[1].toLowerCase())))
                        .as("quarter %d: goal %s, '%s'", quarter, source[0], source[1]).hasSize(1);
            }
            texts.put(quarter, listed.stream().map(l -> l[1]).toList());
        }
        // The page and the PDF list the same milestones under the same heading, and none of another quarter.
        for (int quarter = 1; quarter <= 4; quarter++) {
            String page = get("/planer/statens-administration/2019/kvartal/" + quarter).body().replaceAll("\\s+", " ");
            String pdf = pdfText("/planer/statens-administration/2019/kvartal/" + quarter + ".pdf");
            for (String text : List.of(page, pdf)) {
                assertThat(text).contains("Efter " + quarter + ". kvartal følges op på:");
                assertThat(text).contains(texts.get(quarter));
                for (int other = 1; other <= 4; other++) {
                    if (other != quarter) {
                        for (String milestone : texts.get(other)) {
                            assertThat(text).as("quarter %d must not list '%s'", quarter, milestone).doesNotContain(milestone);
                        }
                    }
                }
            }
        }
    }

    private String pdfText(String path) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // A line may break after a hyphen inside a table cell: "CVR-" at the end of one line, "numre" on the next.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").replaceAll("(\\p{L})- ", "$1-");
        }
    }

    @Test
    void theReferencePlanIsAssessedByItsRuleAndTheDepartmentsOverrideIsShownWithItsJustification() {
        demoPlans.load();
        // The seed goals have no data here: only milestones count, and KPIs count as not measured (not reached).
        reported("statens-administration", "sygedage", "2019", "9.8");
        JsonNode plan = json(get(PLAN));
        Map<String, JsonNode> goals = goals(plan);
        // F: its only KPI, sick days 9.8 ≤ 9.8, is reached → met.
        assertThat(goals.get("F").get("assessment").get("byRule").asString()).isEqualTo("met");
        // E: E1 reached, KPI E not measured (its milestone is not marked done here) → 1 of 2 → partly met (exactly half).
        assertThat(goals.get("E").get("assessment").get("reached").asInt()).isEqualTo(1);
        assertThat(goals.get("E").get("assessment").get("counted").asInt()).isEqualTo(2);
        assertThat(goals.get("E").get("assessment").get("status").asString()).isEqualTo("partly_met");
        // C: C1 reached, C2 partly, C3 reached, KPI C not measured → 2 of 4 → partly met.
        assertThat(goals.get("C").get("assessment").get("reached").asInt()).isEqualTo(2);
        assertThat(goals.get("C").get("assessment").get("status").asString()).isEqualTo("partly_met");
        // B: B1, B3 and B4 reached; B2 and B5 partly; KPI B not measured → 3 of 6 → partly met by the rule; the department says met.
        JsonNode b = goals.get("B").get("assessment");
        assertThat(b.get("reached").asInt()).isEqualTo(3);
        assertThat(b.get("byRule").asString()).isEqualTo("partly_met");
        assertThat(b.get("status").asString()).isEqualTo("met");
        assertThat(b.get("override").get("justification").asString()).startsWith("Kundemigreringen nåede 91 pct.");
        String page = get("/planer/statens-administration/2019").body();
        assertThat(page).contains("Vurderet anderledes end reglen (som giver: Delvist opfyldt) af Departementet, Finansministeriet:")
                .contains("Kundemigreringen nåede 91 pct.");

        // The override goes: the rule's assessment is back.
        assertThat(delete(PLAN + "/assessments/B", ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(goals(json(get(PLAN))).get("B").get("assessment").get("status").asString()).isEqualTo("partly_met");
        assertThat(get("/planer/statens-administration/2019").body()).doesNotContain("Kundemigreringen nåede 91 pct.");
    }

    @Test
    void anOverrideNeedsAJustificationAndTheRightToApprove() {
        demoPlans.load();
        var bare = put(PLAN + "/assessments/F", "application/json", "{\"status\":\"met\"}", ADMIN_TOKEN);
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("justification");
        var wrongStatus = put(PLAN + "/assessments/F", "application/json",
                "{\"status\":\"på vej\",\"justification\":\"Sygefraværet er faldet markant i årets løb.\"}", ADMIN_TOKEN);
        assertThat(wrongStatus.statusCode()).isEqualTo(400);
        assertThat(wrongStatus.body()).contains("met, partly_met or not_met");
        var reporter = put(PLAN + "/assessments/F", "application/json",
                "{\"status\":\"met\",\"justification\":\"Sygefraværet er faldet markant i årets løb.\"}", INGEST_TOKEN);
        assertThat(reporter.statusCode()).isEqualTo(403);
        var unknown = put(PLAN + "/assessments/Z", "application/json",
                "{\"status\":\"met\",\"justification\":\"Sygefraværet er faldet markant i årets løb.\"}", ADMIN_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(goals(json(get(PLAN))).get("F").get("assessment").get("override").isNull()).isTrue();
    }

    @Test
    void versionsAreKeptAnnexesFollowTheVersionInForceAndChangesAreShown() {
        demoPlans.load();
        JsonNode current = json(get(PLAN));
        assertThat(current.get("version").asInt()).isEqualTo(2);
        assertThat(current.get("versions")).hasSize(2);
        assertThat(current.get("versions").get(1).get("changes").toString()).contains("Mål E: beskrivelsen er ændret")
                .contains("Mål C: beskrivelsen er ændret");
        assertThat(goals(current).get("E").get("description").asString()).startsWith("27 nye institutioner");
        JsonNode first = json(get(PLAN + "?version=1"));
        assertThat(first.get("current").asBoolean()).isFalse();
        assertThat(goals(first).get("E").get("description").asString()).startsWith("De nye institutioner");
        // Version 2 applies from 1 July: the Q2 annex follows version 1, the Q3 annex version 2.
        assertThat(json(get(PLAN + "/annexes/2")).get("version").asInt()).isEqualTo(1);
        assertThat(json(get(PLAN + "/annexes/3")).get("version").asInt()).isEqualTo(2);
        String oldPage = get("/planer/statens-administration/2019?version=1").body();
        assertThat(oldPage).contains("Du ser version 1 af 2").contains("De nye institutioner");

        // A third version moves a milestone; without a reason, or with nothing changed, it is refused.
        JsonNode plan = JSON.readTree(get(PLAN).body());
        String body = "{\"validFrom\":\"2019-10-01\",\"content\":" + contentOf(plan, "D6", 4, 3) + "}";
        var noReason = put(PLAN, "application/json", body, ADMIN_TOKEN);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var same = put(PLAN, "application/json", "{\"validFrom\":\"2019-10-01\",\"reason\":\"Ingen ændring\",\"content\":"
                + contentOf(plan, "D6", 4, 4) + "}", ADMIN_TOKEN);
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("nothing to change");
        var moved = put(PLAN, "application/json", "{\"validFrom\":\"2019-10-01\",\"reason\":\"Robotten sættes i drift tidligere end planlagt.\",\"content\":"
                + contentOf(plan, "D6", 4, 3) + "}", ADMIN_TOKEN);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("versions").get(2).get("changes").toString()).contains("Milepæl D6 er flyttet fra 4. til 3. kvartal");
        // The Q3 annex was settled by version 2 (in force on 30 September); version 3 governs from Q4 on.
        assertThat(json(get(PLAN + "/annexes/3")).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aFollowUpIsCheckedAgainstTheMilestonesTarget() {
        demoPlans.load();
        String d2 = PLAN + "/followups/D2";
        var claimed = put(d2, "application/json", "{\"status\":\"reached\",\"value\":2999,\"comment\":\"\",\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        assertThat(claimed.statusCode()).isEqualTo(400);
        assertThat(claimed.body()).contains("status").contains("does not reach the target of 3000");
        var noValue = put(d2, "application/json", "{\"status\":\"reached\",\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        assertThat(noValue.statusCode()).isEqualTo(400);
        assertThat(noValue.body()).contains("value").contains("target of 3000 timer");
        var noComment = put(d2, "application/json", "{\"value\":2999,\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        var derived = put(d2, "application/json", "{\"value\":3000,\"reportedBy\":\"Kontorchef\"}", INGEST_TOKEN);
        assertThat(derived.statusCode()).as(derived.body()).isEqualTo(200);
        assertThat(json(derived).get("status").asString()).isEqualTo("reached");
        var textOnly = put(PLAN + "/followups/B4", "application/json", "{\"value\":1,\"status\":\"reached\",\"reportedBy\":\"K\"}", INGEST_TOKEN);
        assertThat(textOnly.statusCode()).isEqualTo(400);
        assertThat(textOnly.body()).contains("no measurable target");
        assertThat(put(PLAN + "/followups/X9", "application/json", "{\"status\":\"reached\",\"reportedBy\":\"K\"}", INGEST_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(put("/api/v1/plans/statsamterne/2019/followups/D2", "application/json", "{\"status\":\"reached\",\"reportedBy\":\"K\"}",
                INGEST_TOKEN).statusCode()).isEqualTo(404);
        JsonNode d = goals(json(get(PLAN))).get("D");
        assertThat(d.get("milestones").get(1).get("followUp").get("value").decimalValue()).isEqualByComparingTo("3000");
        assertThat(d.get("milestones").get(1).get("followUp").get("status").asString()).isEqualTo("reached");
    }

    @Test
    void aPlanThatBreaksTheRulesIsRefusedWholeNamingEveryField() {
        String body = """
                {"validFrom":"2020-01-01","content":{"title":"Mål- og resultatplan 2020","mission":"M","vision":"",
                 "bearings":[{"code":"1","title":"Drift"}],
                 "goals":[{"code":"A","bearing":"2","title":"Et mål","milestones":[{"key":"A1","quarter":5,"text":"x"},{"key":"A1","quarter":1,"text":"y"}],
                           "kpis":["ZZ"]},
                          {"code":"B","bearing":"1","title":"Uden grundlag"}]}}""";
        var refused = put("/api/v1/plans/statens-administration/2020", "application/json", body, ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("content.vision").contains("content.goals[0].bearing").contains("content.goals[0].milestones[0].quarter")
                .contains("content.goals[0].milestones[1].key").contains("content.goals[0].kpis[0]").contains("content.goals[1]");
        assertThat(get("/api/v1/plans/statens-administration/2020").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from plan").query(Long.class).single()).isZero();
        var reporter = put("/api/v1/plans/statens-administration/2020", "application/json", body, INGEST_TOKEN);
        assertThat(reporter.statusCode()).isEqualTo(403);
    }

    @Test
    void aKpiJustBelowItsTargetIsNotShownAsReachingIt() {
        demoPlans.load();
        // Mean (3·37 + 4·113) / 150 = 3.7533…: below the target of 3.8, so it must not be rounded to "3,8".
        var a = post("/api/v1/survey-aggregates", "application/json", """
                {"organisation":"statens-administration","survey":"kundetilfredshed","question":"samlet",
                 "period":"2019","counts":[0,0,37,113,0],"reportedBy":"Test Testesen"}""", INGEST_TOKEN);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        JsonNode kpi = goals(json(get(PLAN))).get("C").get("kpis").get(0);
        assertThat(kpi.get("status").asString()).isEqualTo("not_met");
        String page = get("/planer/statens-administration/2019").body();
        assertThat(page).contains("2019: 3,75 point").doesNotContain("2019: 3,8 point");
        assertThat(get("/maal/" + goalId("statens-administration", "C")).body()).contains("3,75 point");
    }

    /** The plan's content as JSON with one milestone's quarter changed from {@code from} to {@code to}. */
    private static String contentOf(JsonNode plan, String key, int from, int to) {
        StringBuilder goals = new StringBuilder();
        for (JsonNode b : plan.get("bearings")) {
            for (JsonNode g : b.get("goals")) {
                StringBuilder milestones = new StringBuilder();
                for (JsonNode m : g.get("milestones")) {
                    int quarter = m.get("key").asString().equals(key) && m.get("quarter").asInt() == from ? to : m.get("quarter").asInt();
                    milestones.append(milestones.isEmpty() ? "" : ",").append("{\"key\":").append(m.get("key")).append(",\"quarter\":").append(quarter)
                            .append(",\"text\":").append(m.get("text")).append(",\"target\":").append(m.get("target"))
                            .append(",\"unit\":").append(m.get("unit")).append(",\"lowerIsBetter\":").append(m.get("lowerIsBetter")).append('}');
                }
                StringBuilder kpis = new StringBuilder();
                for (JsonNode k : g.get("kpis")) {
                    kpis.append(kpis.isEmpty() ? "" : ",").append(k.get("code"));
                }
                goals.append(goals.isEmpty() ? "" : ",").append("{\"code\":").append(g.get("code")).append(",\"bearing\":").append(b.get("code"))
                        .append(",\"title\":").append(g.get("title")).append(",\"description\":").append(g.get("description"))
                        .append(",\"milestones\":[").append(milestones).append("],\"kpis\":[").append(kpis).append("]}");
            }
        }
        StringBuilder bearings = new StringBuilder();
        for (JsonNode b : plan.get("bearings")) {
            bearings.append(bearings.isEmpty() ? "" : ",").append("{\"code\":").append(b.get("code")).append(",\"title\":").append(b.get("title"))
                    .append(",\"description\":").append(b.get("description")).append('}');
        }
        return "{\"title\":" + plan.get("title") + ",\"mission\":" + plan.get("mission") + ",\"vision\":" + plan.get("vision")
                + ",\"bearings\":[" + bearings + "],\"goals\":[" + goals + "],\"rule\":{\"partlyFromPercent\":" + plan.get("partlyFromPercent") + "}}";
    }

    private static Map<String, JsonNode> goals(JsonNode plan) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (JsonNode b : plan.get("bearings")) {
            for (JsonNode g : b.get("goals")) {
                out.put(g.get("code").asString(), g);
            }
        }
        return out;
    }
}
