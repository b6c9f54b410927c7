package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The embeddable goal: a frame-able page, the snippet, and oEmbed. */
class EmbedIT extends SeedGoalTest {

    @Test
    void theEmbeddedPageShowsTheLatestResultAndMayBeFramedByAnySite() {
        reported("arbejdsskadestyrelsen", "netkroner", "2025", "5");
        long id = goalId("arbejdsskadestyrelsen", "S18");
        var page = get("/indlejret/maal/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("5 netkroner").contains("Tilfredsstillende").contains("2025: 5");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *").contains("script-src 'none'");
        // It brings its own small stylesheet only, and no script: nothing of it can reach the host page.
        assertThat(page.body()).contains("/css/embedded.css").doesNotContain("<script").doesNotContain("dkfds.min.css");
        // Ordinary pages still refuse to be framed.
        assertThat(get("/maal/" + id).headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    }

    @Test
    void oembedGivesARichIframeForAGoalPage() {
        long id = goalId("arbejdsskadestyrelsen", "S18");
        String url = URLEncoder.encode(base() + "/maal/" + id, StandardCharsets.UTF_8);
        var response = get("/oembed?url=" + url + "&maxwidth=300");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode o = json(response);
        assertThat(o.get("version").asString()).isEqualTo("1.0");
        assertThat(o.get("type").asString()).isEqualTo("rich");
        assertThat(o.get("width").asInt()).isEqualTo(300);
        assertThat(o.get("html").asString()).startsWith("<iframe src=\"" + base() + "/indlejret/maal/" + id + "\"").endsWith("</iframe>")
                .contains("width=\"300\"").doesNotContain("<script").doesNotContain("<style");
        assertThat(get("/oembed?url=" + url + "&format=xml").statusCode()).isEqualTo(501);
        assertThat(get("/oembed?url=" + URLEncoder.encode(base() + "/maal/999999", StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
        // The goal page offers the snippet to copy.
        assertThat(get("/maal/" + id).body()).contains("&lt;iframe src=&quot;" + base() + "/indlejret/maal/" + id);
    }
}
