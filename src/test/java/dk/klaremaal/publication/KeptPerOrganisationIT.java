package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalRepository;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultRecomputation;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.DataVersion;
import dk.klaremaal.support.SeedGoalTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * What a node keeps is kept under the versions of what it read: one organisation's upload leaves the other
 * organisations' kept pages, results and nightly results in use. The page cache holds at most its bytes.
 */
@Import(KeptPerOrganisationIT.Metrics.class)
@TestPropertySource(properties = "klaremaal.page-cache.max-bytes=256KB")
class KeptPerOrganisationIT extends SeedGoalTest {

    private static final long LIMIT = 256 << 10;

    @TestConfiguration
    static class Metrics {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    PageCacheFilter pages;

    @Autowired
    ResultService results;

    @Autowired
    ResultRecomputation recomputation;

    @Autowired
    GoalRepository goals;

    @Autowired
    DataVersion versions;

    @Autowired
    MeterRegistry metrics;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> page(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Goal goal(String code) {
        return goals.findAll().stream().filter(g -> code.equals(g.code())).findFirst().orElseThrow();
    }

    private double hits(String cache) {
        return metrics.get("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter().count();
    }

    private double misses(String cache) {
        return metrics.get("cache.gets").tag("cache", cache).tag("result", "miss").functionCounter().count();
    }

    @Test
    void anUploadToOneOrganisationLeavesWhatWasKeptForTheOthersInUse() throws Exception {
        // A: statsamterne (goal S6); B: Erhvervs- og Selskabsstyrelsen (goal S1).
        cases("statsamterne", "separation-og-skilsmisse", "2024-03-04T09:00", "2024-04-15T09:00");
        cases("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse", "2025-03-03T09:00", "2025-03-13T09:00");
        Goal a = goal("S6");
        Goal b = goal("S1");
        assertThat(recomputation.recompute("h-" + System.nanoTime())).isPresent();
        // B's nightly results, altered by hand: whatever serves them shows they were used and not computed again.
        jdbc.sql("update result_snapshot set results = '[]' where goal_id = ?").param(b.id()).update();

        String pageA = "/maal/" + a.id();
        String pageB = "/maal/" + b.id();
        HttpResponse<String> keptA = page(pageA, null);
        HttpResponse<String> keptB = page(pageB, null);

        // New decisions for A: 42 and 28 days in 2024, 5 weeks.
        cases("statsamterne", "separation-og-skilsmisse", "2024-05-06T09:00", "2024-06-03T09:00");

        // B: its kept page, its kept results and its nightly results are still in use.
        HttpResponse<String> afterB = page(pageB, null);
        assertThat(afterB.headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(afterB.body()).isEqualTo(keptB.body());
        double hitsBefore = hits("results");
        assertThat(results.results(b)).isEmpty();
        assertThat(hits("results")).isEqualTo(hitsBefore + 1);
        long snapshotVersionB = jdbc.sql("select data_version from result_snapshot where goal_id = ?").param(b.id()).query(Long.class).single();
        assertThat(versions.ofOrganisation(b.organisationId())).isEqualTo(snapshotVersionB);

        // A: recomputed, and right.
        long snapshotVersionA = jdbc.sql("select data_version from result_snapshot where goal_id = ?").param(a.id()).query(Long.class).single();
        assertThat(versions.ofOrganisation(a.organisationId())).isGreaterThan(snapshotVersionA);
        double pageHits = hits("pages");
        double pageMisses = misses("pages");
        HttpResponse<String> afterA = page(pageA, null);
        assertThat(afterA.headers().firstValue("X-Page-Cache")).contains("miss");
        // The page kept for A's old version is no hit in the metrics either.
        assertThat(hits("pages")).isEqualTo(pageHits);
        assertThat(misses("pages")).isEqualTo(pageMisses + 1);
        assertThat(afterA.body()).isNotEqualTo(keptA.body()).contains("5,0 uger");
        List<GoalResult> resultsA = results.results(a);
        assertThat(resultsA).isEqualTo(results.computeFresh(a));
        assertThat(resultsA.stream().filter(r -> r.period().start().getYear() == 2024).findFirst().orElseThrow().value())
                .isEqualByComparingTo("5");

        // A page that reads every organisation is rendered again after any change.
        page("/", null);
        assertThat(page("/", null).headers().firstValue("X-Page-Cache")).contains("hit");
        cases("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse", "2025-04-01T09:00", "2025-04-21T09:00");
        assertThat(page("/", null).headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(page(pageA, null).headers().firstValue("X-Page-Cache")).contains("hit");
        assertThat(page(pageB, null).headers().firstValue("X-Page-Cache")).contains("miss");
    }

    @Test
    void thePageCacheHoldsNoMoreThanItsBytes() throws Exception {
        long served = 0;
        int answers = 0;
        for (Goal goal : goals.findAll()) {
            for (String language : new String[] {null, "klaremaal-sprog=en"}) {
                HttpResponse<String> answer = page("/maal/" + goal.id(), language);
                if (answer.statusCode() == 200) {
                    served += answer.body().getBytes(StandardCharsets.UTF_8).length;
                    answers++;
                }
            }
            HttpResponse<String> embedded = page("/indlejret/maal/" + goal.id(), null);
            served += embedded.statusCode() == 200 ? embedded.body().length() : 0;
            answers += embedded.statusCode() == 200 ? 1 : 0;
            assertThat(pages.keptBytes()).isLessThanOrEqualTo(LIMIT);
        }
        // The pages answered would fill the cache more than once over; it keeps what fits.
        assertThat(served).isGreaterThan(LIMIT + LIMIT / 2);
        assertThat(pages.keptBytes()).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT / 2);
        assertThat(pages.keptPages()).isLessThan(answers).isPositive();
        assertThat(metrics.get("cache.size").tag("cache", "pages").gauge().value()).isPositive();
    }
}
