package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * A person reads dates in words in the page's language and times in Copenhagen time: a value reported
 * at 02:34 Danish summer time (00:34 UTC) shows as 02:34, one at 09:30 winter time (08:30 UTC) as 09:30.
 */
class DanishDatesIT extends SeedGoalTest {

    @Test
    void aReportedValueShowsWhenItWasReportedInCopenhagenTimeAndThePagesLanguage() {
        var sent = post("/api/v1/reported-values", "text/csv", "organisation,series,period,value,reported_by\n"
                + "arbejdsskadestyrelsen,netkroner,2025,4,Test Testesen\n", INGEST_TOKEN);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        // Reported on 4 September 2026 at 02:34 in Copenhagen (summer time, UTC+2), which is 00:34 UTC.
        int changed = jdbc.sql("update series_value set reported_at = timestamptz '2026-09-04 00:34:00+00' where reported_by = 'Test Testesen'")
                .update();
        assertThat(changed).isEqualTo(1);
        long goal = goalId("arbejdsskadestyrelsen", "S18");

        String danish = page("/maal/" + goal + "?lang=da");
        assertThat(danish).contains("4. september 2026 kl. 02:34").doesNotContain("2026-09-04").doesNotContain("00:34");
        String english = page("/maal/" + goal + "?lang=en");
        assertThat(english).contains("4 September 2026, 02:34").doesNotContain("september 2026 kl.");
        // The institution's own words stay Danish and say so on the English page: its name and the goal's sentence.
        assertThat(english).contains("<html lang=\"en\"").containsPattern("<dd lang=\"da\">[^<]+</dd>");

        // In winter Copenhagen is UTC+1: 08:30 UTC on 10 January 2026 is 09:30.
        jdbc.sql("update series_value set reported_at = timestamptz '2026-01-10 08:30:00+00' where reported_by = 'Test Testesen'").update();
        assertThat(page("/maal/" + goal + "?lang=da")).contains("10. januar 2026 kl. 09:30");
    }

    /** Signed-out pages may be kept; a language switch is always answered afresh. */
    private String page(String path) {
        var answer = send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
