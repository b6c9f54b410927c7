package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Receipt letters. The expected time comes from the Easter fixture of {@link ExpectedTimeIT}: as of
 * 27 May 2025, 80 % of recent cases took at most 5 working days. Received Tuesday 27 May + 5 working
 * days, with Ascension Day on Thursday 29 May: 28, 30 May, 2, 3, 4 June → 4 June 2025.
 */
class LetterIT extends IntegrationTest {

    static final String SENTENCE = "Testens Styrelse har et mål om, at ansøgninger om tilladelser på Ærø og Fanø afgøres inden for 5 arbejdsdage.";
    static final String BODY = """
            Kære {{applicant_name}}

            Vi har modtaget din ansøgning (sag {{case_number}}) den {{received_date}}.
            Du kan forvente en afgørelse senest {{expected_date}} ({{expected_time}}).

            Vores mål: {{goal_sentence}} Se, om vi når det, på {{goal_url}}

            Med venlig hilsen
            {{organisation_name}}, {{contact_phone}}""";

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void setUp() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        var events = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2025-04-16T09:00", "2025-04-22T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2025-04-14T09:00", "2025-04-24T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "C", "2025-04-01T09:00", "2025-04-08T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "D", "2025-04-10T09:00", "2025-04-25T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "E", "2025-05-05T09:00", "2025-05-12T09:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "S-2025-77", "2025-05-27T11:15", null), INGEST_TOKEN);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        ok(put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time-settings", "application/json",
                "{\"dayUnit\":\"working\",\"minCases\":5}", ADMIN_TOKEN));
        ok(post("/api/v1/goals", "application/json", """
                {"organisation":"testens-styrelse","caseType":"tilladelse","sentence":"%s","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"processing_time","statistic":"share_within","withinDays":5,"dayUnit":"working"},
                 "scale":{"kind":"binary","comparator":">=","threshold":80}}""".formatted(SENTENCE), ADMIN_TOKEN));
        ok(put("/api/v1/organisations/testens-styrelse/contact", "application/json",
                "{\"address\":\"Åboulevarden 1, 8000 Aarhus C\",\"phone\":\"70 10 20 30\",\"email\":\"post@test.dk\"}", ADMIN_TOKEN));
        ok(put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates/da", "application/json",
                JSON.writeValueAsString(java.util.Map.of("subject", "Kvittering for din ansøgning {{case_number}}", "body", BODY,
                        "updatedBy", "Jens Jørgensen")), ADMIN_TOKEN));
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }

    private static final String REQUEST = """
            {"organisation":"testens-styrelse","caseType":"tilladelse","caseNumber":"S-2025-77","applicantName":"Søren Ågård Æbelø"}""";

    @Test
    void theHtmlLetterStatesTheExpectedDateAndTheGoal() {
        var response = post("/api/v1/letters", "application/json", REQUEST, INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("Kære Søren Ågård Æbelø").contains("den 27. maj 2025")
                .contains("senest 4. juni 2025 (5 arbejdsdage)").contains(SENTENCE).contains("/maal/")
                .contains("Åboulevarden 1, 8000 Aarhus C").contains("Kvittering for din ansøgning S-2025-77");
    }

    @Test
    void thePdfIsA4WithEmbeddedFontsAndCorrectDanishLetters() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/letters"))
                .header("Content-Type", "application/json").header("Accept", "application/pdf")
                .header("Authorization", "Bearer " + INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("4. juni 2025").contains(SENTENCE).contains("Søren Ågård Æbelø").contains("Testens Styrelse");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("IBMPlexSans");
            }
        }
    }

    @Test
    void anEnglishTemplateWritesEnglishDatesAndAnUnknownPlaceholderIsRefused() {
        var refused = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates/en", "application/json", """
                {"subject":"Receipt","body":"Dear {{applicant}}, expect a decision by {{expected_date}. ","updatedBy":"Jens"}""", ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("unknown placeholder {{applicant}}").contains("is not closed");
        ok(put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates/en", "application/json", """
                {"subject":"Receipt","body":"Dear {{applicant_name}}, expect a decision by {{expected_date}}.","updatedBy":"Jens"}""",
                ADMIN_TOKEN));
        var letter = post("/api/v1/letters", "application/json", REQUEST.replace("}", ",\"language\":\"en\"}"), INGEST_TOKEN);
        assertThat(letter.body()).contains("expect a decision by 4 June 2025.");
    }

    @Test
    void thePreviewFillsInExampleDataAndNeedsAnAdminToken() {
        String template = "{\"subject\":\"Kvittering\",\"body\":\"Kære {{applicant_name}}, forventet tid: {{expected_time}}.\"}";
        String path = "/api/v1/organisations/testens-styrelse/case-types/tilladelse/letter-templates/da/preview";
        var preview = post(path, "application/json", template, ADMIN_TOKEN);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("Kære Anne Eksempel");
        assertThat(post(path, "application/json", template, INGEST_TOKEN).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/letters", "application/json", REQUEST, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLetterForAnUnknownCaseNeedsItsReceivedDate() {
        var response = post("/api/v1/letters", "application/json", REQUEST.replace("S-2025-77", "UKENDT"), INGEST_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("receivedDate");
    }
}
