package dk.klaremaal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Yearly and quarterly follow-up reports with the institution's comments, as a page and as PDF. */
class ReportIT extends SeedGoalTest {

    @Test
    void theYearlyPdfHoldsEveryGoalOfTheOrganisationWithItsStatusAndComment() throws Exception {
        // Statsamterne: S5 (13 weeks met), S6 (6 weeks satisfactory), S16 without data (not measured).
        cases("statsamterne", "social-klage", "2025-01-06T09:00", "2025-04-07T09:00");
        cases("statsamterne", "separation-og-skilsmisse", "2025-03-03T09:00", "2025-04-14T09:00");
        long s5 = goalId("statsamterne", "S5");
        var comment = put("/api/v1/goals/" + s5 + "/comments/2025", "application/json",
                "{\"comment\":\"Målet er nået efter omlægning af sagsgangen i ankenævnene.\",\"writtenBy\":\"Kontorchef Åse Ørum\"}", ADMIN_TOKEN);
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(204);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/rapporter/statsamterne/2025.pdf"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String code : new String[]{"S5", "S6", "S16"}) {
                String sentence = json(get("/api/v1/goals/" + goalId("statsamterne", code))).get("sentence").asString();
                assertThat(text).as(code).contains(sentence);
            }
            assertThat(text).contains("Opfyldt").contains("Tilfredsstillende").contains("Ikke målt")
                    .contains("Målet er nået efter omlægning af sagsgangen i ankenævnene.").contains("Åse Ørum")
                    .contains("Statsamterne: opfølgning på målene, 2025");
        }
    }

    @Test
    void theQuarterlyPageShowsTheYearlyGoalsPeriodAndNeedsNoScript() {
        cases("statsamterne", "social-klage", "2025-01-06T09:00", "2025-04-07T09:00");
        var page = get("/rapporter/statsamterne/2025-Q2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2. kvartal 2025").contains("13,0 uger").contains("/rapporter/statsamterne/2025-Q2.pdf")
                .doesNotContain("<script");
        assertThat(get("/rapporter/statsamterne/2025-03").statusCode()).isEqualTo(404);
        var data = json(get("/data/rapporter/statsamterne/2025-Q2.json"));
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.toString()).contains("\"report_period\":\"2025-Q2\"").contains("\"period\":\"2025\"");
    }

    @Test
    void aCommentNeedsItsAuthorAndAnAdminToken() {
        long s5 = goalId("statsamterne", "S5");
        assertThat(put("/api/v1/goals/" + s5 + "/comments/2025", "application/json", "{\"comment\":\"x\"}", ADMIN_TOKEN).body())
                .contains("writtenBy");
        assertThat(put("/api/v1/goals/" + s5 + "/comments/2025", "application/json", "{\"comment\":\"x\",\"writtenBy\":\"y\"}", INGEST_TOKEN)
                .statusCode()).isEqualTo(403);
    }
}
