package dk.klaremaal.support;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.demo.DemoSeed;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The seed goals exactly as the demo defines them (organisations, sources, scales), without data:
 * each test sends a small hand-made data set through the public API and checks the value and status
 * worked out by hand.
 */
public abstract class SeedGoalTest extends IntegrationTest {

    @Autowired
    DemoSeed seed;

    private int caseNumber;

    @BeforeEach
    void defineSeedGoals() {
        seed.define();
    }

    /** The result of the seed goal with this code in one period, e.g. ("S6", "2025"). */
    protected Result result(String organisation, String code, String period) {
        long id = goalId(organisation, code);
        HttpResponse<String> response = get("/api/v1/goals/" + id + "/results");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode r : json(response).get("results")) {
            if (r.get("period").asString().equals(period)) {
                return new Result(decimal(r.get("value")), decimal(r.get("secondaryValue")), decimal(r.get("percentOfTarget")),
                        r.get("status").isNull() ? null : r.get("status").asString(), r.get("observations").asLong());
            }
        }
        throw new AssertionError(code + " has no result for " + period + ": " + response.body());
    }

    protected long goalId(String organisation, String code) {
        for (JsonNode g : json(get("/api/v1/organisations/" + organisation + "/goals"))) {
            if (g.get("code").asString().equals(code)) {
                return g.get("id").asLong();
            }
        }
        throw new AssertionError(organisation + " has no goal " + code);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    public record Result(BigDecimal value, BigDecimal secondary, BigDecimal percentOfTarget, String status, long observations) {
    }

    /** Sends CSV to a dataset and insists it is stored. */
    protected void send(String dataset, String csv) {
        HttpResponse<String> response = post("/api/v1/" + dataset, "text/csv", csv, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Case events for cases received and decided at the given local times: each pair is (received, decided). */
    protected void cases(String organisation, String caseType, String... receivedDecided) {
        StringBuilder csv = new StringBuilder(Fixtures.HEADER);
        for (int i = 0; i < receivedDecided.length; i += 2) {
            csv.append(Fixtures.caseRows(organisation, caseType, caseType + "-" + (++caseNumber), receivedDecided[i], receivedDecided[i + 1]));
        }
        send("case-events", csv.toString());
    }

    /** {@code count} cases received on {@code received} and decided {@code days} calendar days later. */
    protected List<String> casesTaking(int count, String received, int days) {
        List<String> pairs = new ArrayList<>();
        java.time.LocalDateTime at = java.time.LocalDateTime.parse(received);
        for (int i = 0; i < count; i++) {
            pairs.add(at.toString());
            pairs.add(at.plusDays(days).toString());
        }
        return pairs;
    }

    /** Cases from several {@link #casesTaking} lists, numbered so their ids do not clash. */
    protected void manyCases(String organisation, String caseType, List<List<String>> groups) {
        List<String> all = new ArrayList<>();
        groups.forEach(all::addAll);
        cases(organisation, caseType, all.toArray(String[]::new));
    }

    protected void reported(String organisation, String series, String... periodValue) {
        StringBuilder csv = new StringBuilder("organisation,series,period,value,reported_by\n");
        for (int i = 0; i < periodValue.length; i += 2) {
            csv.append(organisation).append(',').append(series).append(',').append(periodValue[i]).append(',')
                    .append(periodValue[i + 1]).append(",Test Testesen\n");
        }
        send("reported-values", csv.toString());
    }

    /** Survey answers: {@code counts[i]} respondents answered i + 1, all on the given day. */
    protected void answers(String organisation, String survey, String question, String day, int... counts) {
        StringBuilder csv = new StringBuilder("response_id,organisation,survey,question,answered_on,score\n");
        int n = 0;
        for (int score = 1; score <= counts.length; score++) {
            for (int i = 0; i < counts[score - 1]; i++) {
                csv.append(day).append('-').append(++n).append(',').append(organisation).append(',').append(survey).append(',')
                        .append(question).append(',').append(day).append(',').append(score).append('\n');
            }
        }
        send("survey-responses", csv.toString());
    }
}
