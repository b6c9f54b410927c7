package dk.klaremaal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.ApiTokenService;
import dk.klaremaal.demo.CaseEventGenerator;
import dk.klaremaal.demo.DemoSeed;
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
}
