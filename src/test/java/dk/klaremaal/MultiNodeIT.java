package dk.klaremaal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.ApiTokenService;
import dk.klaremaal.demo.CaseEventGenerator;
import dk.klaremaal.demo.DemoSeed;
import dk.klaremaal.measurement.ResultRecomputation;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.TestDatabase;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one PostgreSQL: each gets half of a generated file at the same time, the
 * halves overlapping (so both send some of the same events); afterwards both nodes serve the same
 * results, equal to those of one node that was sent the whole file.
 */
class MultiNodeIT {

    static final String TOKEN = "multi-node-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    final HttpClient http = HttpClient.newHttpClient();

    static ConfigurableApplicationContext node() {
        // Command-line arguments, so they win over the application's own settings (such as its port).
        return new SpringApplicationBuilder(KlaremaalApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=" + TestDatabase.username(),
                "--klaremaal.demo.enabled=false", "--klaremaal.rate-limit.burst=1000000", "--spring.main.banner-mode=off");
    }

    @BeforeAll
    static void start() {
        first = node();
        second = node();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    private void reset() {
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        TestDatabase.empty(jdbc);
        first.getBean(ApiTokenService.class).register("multi-node", TOKEN, "admin");
        first.getBean(DemoSeed.class).define();
    }

    private JsonNode post(ConfigurableApplicationContext node, String csv) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/case-events"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every goal's results, by organisation and goal code, as the node serves them. */
    private Map<String, String> results(ConfigurableApplicationContext node) throws Exception {
        Map<String, String> all = new TreeMap<>();
        JsonNode organisations = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/organisations")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode organisation : organisations) {
            String slug = organisation.get("slug").asString();
            JsonNode goals = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/organisations/" + slug + "/goals"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode goal : goals) {
                String results = http.send(HttpRequest.newBuilder(URI.create(base(node) + "/api/v1/goals/" + goal.get("id").asLong() + "/results"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                all.put(slug + "/" + goal.get("code").asString(), JSON.readTree(results).get("results").toString());
            }
        }
        return all;
    }

    @Test
    void twoNodesTakingHalvesAtOnceServeWhatOneNodeServes() throws Exception {
        StringWriter file = new StringWriter();
        CaseEventGenerator.Summary summary = CaseEventGenerator.forSeedCatalogue().write(file, 4_000, 42, 2023, LocalDate.now().minusDays(1));
        List<String> lines = file.toString().lines().toList();
        String header = lines.getFirst();
        List<String> rows = lines.subList(1, lines.size());
        int cut = rows.size() / 2;
        int overlap = rows.size() / 10;
        String firstHalf = header + "\n" + String.join("\n", rows.subList(0, cut + overlap)) + "\n";
        String secondHalf = header + "\n" + String.join("\n", rows.subList(cut - overlap, rows.size())) + "\n";

        reset();
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> post(first, firstHalf));
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> post(second, secondHalf));
        JsonNode fromFirst = a.join();
        JsonNode fromSecond = b.join();
        long unique = summary.events() - summary.duplicates();
        // Every event is stored once: what one node stored, the other counted as a duplicate.
        assertThat(fromFirst.get("accepted").asLong() + fromSecond.get("accepted").asLong()).isEqualTo(unique);
        long stored = first.getBean(JdbcClient.class).sql("select count(*) from case_event").query(Long.class).single();
        assertThat(stored).isEqualTo(unique);
        Map<String, String> onFirst = results(first);
        Map<String, String> onSecond = results(second);
        assertThat(onSecond).isEqualTo(onFirst);

        // Each node keeps the results it computed; data sent to one node changes what the other serves at once.
        StringWriter more = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(more, 500, 43, 2023, LocalDate.now().minusDays(1));
        post(first, more.toString());
        Map<String, String> secondAfter = results(second);
        assertThat(secondAfter).isNotEqualTo(onSecond).isEqualTo(results(first));

        reset();
        JsonNode whole = post(first, file.toString());
        assertThat(whole.get("accepted").asLong()).isEqualTo(unique);
        assertThat(whole.get("duplicates").asLong()).isEqualTo(summary.duplicates());
        Map<String, String> single = results(first);
        assertThat(onFirst).isEqualTo(single);
        // The comparison is not empty: processing-time goals have results resting on the generated cases.
        List<String> measured = new ArrayList<>();
        single.forEach((goal, results) -> {
            if (results.contains("\"observations\":") && !results.contains("\"observations\":0")) {
                measured.add(goal);
            }
        });
        assertThat(measured).contains("statsamterne/S6", "erhvervs-og-selskabsstyrelsen/S1");
    }

    @Test
    void theNightlyRecomputationRunsOnOneNodeAndEveryNodeServesWhatItKept() throws Exception {
        reset();
        StringWriter file = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(file, 1_000, 7, 2023, LocalDate.now().minusDays(1));
        post(first, file.toString());
        JdbcClient jdbc = first.getBean(JdbcClient.class);

        // Both nodes' schedulers fire for the same night at the same time: one runs it.
        CompletableFuture<java.util.Optional<ResultRecomputation.Run>> a =
                CompletableFuture.supplyAsync(() -> first.getBean(ResultRecomputation.class).recompute("2030-01-01"));
        CompletableFuture<java.util.Optional<ResultRecomputation.Run>> b =
                CompletableFuture.supplyAsync(() -> second.getBean(ResultRecomputation.class).recompute("2030-01-01"));
        List<ResultRecomputation.Run> ran = java.util.stream.Stream.of(a.join(), b.join()).flatMap(java.util.Optional::stream).toList();
        assertThat(ran).hasSize(1);
        assertThat(jdbc.sql("select count(*) from scheduled_run where job = 'recompute-results' and finished_at is not null")
                .query(Long.class).single()).isEqualTo(1);
        long kept = jdbc.sql("select count(*) from result_snapshot").query(Long.class).single();
        long goals = jdbc.sql("select count(*) from goal where state = 'published' and superseded_at is null and indicator_kind <> 'availability'")
                .query(Long.class).single();
        assertThat(kept).isEqualTo(goals).isEqualTo(ran.getFirst().goals());
        // The same night again, on either node: nothing runs.
        assertThat(first.getBean(ResultRecomputation.class).recompute("2030-01-01")).isEmpty();
        assertThat(second.getBean(ResultRecomputation.class).recompute("2030-01-01")).isEmpty();

        // What was kept is what a full computation gives, and both nodes serve it.
        for (var node : List.of(first, second)) {
            var service = node.getBean(ResultService.class);
            for (var goal : node.getBean(dk.klaremaal.goals.GoalRepository.class).findAll()) {
                assertThat(service.results(goal)).as(goal.code()).isEqualTo(service.computeFresh(goal));
            }
        }
        // Nodes serve the kept results rather than computing them: after new data (a new data version, which no node has
        // cached results for) and that night's run, a kept result altered by hand is what a node serves.
        StringWriter more = new StringWriter();
        CaseEventGenerator.forSeedCatalogue().write(more, 300, 8, 2023, LocalDate.now().minusDays(1));
        post(first, more.toString());
        assertThat(first.getBean(ResultRecomputation.class).recompute("2030-01-02")).isPresent();
        dk.klaremaal.goals.Goal s6 = first.getBean(dk.klaremaal.goals.GoalRepository.class).findAll().stream()
                .filter(g -> "S6".equals(g.code())).findFirst().orElseThrow();
        jdbc.sql("update result_snapshot set results = '[]' where goal_id = ?").param(s6.id()).update();
        assertThat(second.getBean(ResultService.class).results(s6)).isEmpty();
        assertThat(second.getBean(ResultService.class).computeFresh(s6)).isNotEmpty();

        // A run that did not finish within its lease (its node died) is taken over.
        jdbc.sql("update scheduled_run set finished_at = null, started_at = now() - interval '3 hours' where slot = '2030-01-01'").update();
        assertThat(second.getBean(ResultRecomputation.class).recompute("2030-01-01")).isPresent();
        jdbc.sql("update scheduled_run set finished_at = null, started_at = now() - interval '10 minutes' where slot = '2030-01-01'").update();
        assertThat(first.getBean(ResultRecomputation.class).recompute("2030-01-01")).isEmpty();
    }

    private HttpResponse<String> page(ConfigurableApplicationContext node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base(node) + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long goalId(ConfigurableApplicationContext node, String organisation, String code) throws Exception {
        for (JsonNode goal : JSON.readTree(page(node, "/api/v1/organisations/" + organisation + "/goals").body())) {
            if (goal.get("code").asString().equals(code)) {
                return goal.get("id").asLong();
            }
        }
        throw new AssertionError(organisation + " has no goal " + code);
    }

    @Test
    void aWriteThroughOneNodeIsSeenByTheOtherAtItsNextRequestAndOnlyWhereItWasMade() throws Exception {
        reset();
        post(first, Fixtures.HEADER
                + Fixtures.caseRows("statsamterne", "separation-og-skilsmisse", "a1", "2024-03-04T09:00", "2024-04-15T09:00")
                + Fixtures.caseRows("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse", "b1", "2025-03-03T09:00",
                "2025-03-13T09:00"));
        String pageA = "/maal/" + goalId(second, "statsamterne", "S6");
        String pageB = "/maal/" + goalId(second, "erhvervs-og-selskabsstyrelsen", "S1");
        String keptA = page(second, pageA).body();
        page(second, pageB);
        assertThat(page(second, pageA).headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(page(second, pageB).headers().firstValue("X-Page-Cache")).contains("hit");

        // New decisions for statsamterne, sent to the first node: the second node renders that organisation's page again at
        // once (42 and 28 days: 5 weeks) and keeps serving the other's.
        post(first, Fixtures.HEADER
                + Fixtures.caseRows("statsamterne", "separation-og-skilsmisse", "a2", "2024-05-06T09:00", "2024-06-03T09:00"));
        HttpResponse<String> afterA = page(second, pageA);
        assertThat(afterA.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(afterA.body()).isNotEqualTo(keptA).contains("5,0 uger");
        assertThat(page(second, pageB).headers().firstValue("X-Page-Cache")).contains("hit");
    }
}
