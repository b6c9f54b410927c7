package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/**
 * Open311 as real clients and real case numbers use it: case numbers with a slash or a comma, the
 * specification's rule that {@code service_request_id} overrides the other filters, Open311 errors on
 * every path, dates as clients send them, the discovery document and reading from other sites.
 */
class Open311ClientsIT extends IntegrationTest {

    static final String J = "?jurisdiction_id=testens-styrelse";
    static final String OCTOBER = "&start_date=2026-10-01T00:00:00%2B02:00&end_date=2026-11-01T00:00:00%2B01:00";
    /** The ids written out by hand: a character outside letters, digits, '-', '_' and '.' is '~' and its UTF-8 bytes in hex. */
    static final String SLASH_ID = "tilladelse:24~2F12345";
    static final String COMMA_ID = "tilladelse:S-7~2C2";

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        var listed = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/privacy", "application/json",
                "{\"concernsPersons\":false,\"open311Listed\":true}", ADMIN_TOKEN);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        // Danish case numbers as journal systems write them, one with a slash and one with a comma (quoted in CSV).
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + "e1,testens-styrelse,tilladelse,24/12345,received,2026-10-05T09:00\n"
                + "e2,testens-styrelse,tilladelse,24/12345,decided,2026-10-12T14:00\n"
                + "e3,testens-styrelse,tilladelse,\"S-7,2\",received,2026-10-13T10:30\n"
                + "e4,testens-styrelse,tilladelse,B,received,2026-10-20T08:00\n", INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document xml, String tag) {
        return xml.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void caseNumbersWithSlashOrCommaHaveIdsSafeInAPathAndAreFoundBothWays() throws Exception {
        var list = get("/open311/v2/requests.json" + J + OCTOBER);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(ids(json(list))).containsExactly("tilladelse:B", COMMA_ID, SLASH_ID);
        // The case number itself stays in the request's text.
        assertThat(json(list).get(1).get("description").asString()).contains("S-7,2");
        assertThat(json(list).get(2).get("description").asString()).contains("24/12345");
        Document listXml = parse(get("/open311/v2/requests.xml" + J + OCTOBER).body());
        assertThat(listXml.getElementsByTagName("request").getLength()).isEqualTo(3);
        assertThat(((Element) listXml.getElementsByTagName("request").item(2)).getElementsByTagName("service_request_id").item(0)
                .getTextContent()).isEqualTo(SLASH_ID);

        for (String id : List.of(SLASH_ID, COMMA_ID)) {
            var byJson = get("/open311/v2/requests/" + id + ".json" + J);
            assertThat(byJson.statusCode()).as(id + ": " + byJson.body()).isEqualTo(200);
            assertThat(ids(json(byJson))).containsExactly(id);
            var byXml = get("/open311/v2/requests/" + id + ".xml" + J);
            assertThat(byXml.statusCode()).as(id + ": " + byXml.body()).isEqualTo(200);
            assertThat(text(parse(byXml.body()), "service_request_id")).isEqualTo(id);
        }
        assertThat(json(get("/open311/v2/requests/" + SLASH_ID + ".json" + J)).get(0).get("status").asString()).isEqualTo("closed");
        // In the list's filter the safe ids are comma-separated; the case number as written is found too.
        assertThat(ids(json(get("/open311/v2/requests.json" + J + "&service_request_id=" + SLASH_ID + "," + COMMA_ID))))
                .containsExactlyInAnyOrder(SLASH_ID, COMMA_ID);
        assertThat(ids(json(get("/open311/v2/requests.json" + J + "&service_request_id=tilladelse:24%2F12345"))))
                .containsExactly(SLASH_ID);
        // The case number unchanged in the path cannot name one path segment: an Open311 error, not the framework's.
        var raw = get("/open311/v2/requests/tilladelse:24/12345.json" + J);
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(json(raw).get(0).get("code").asInt()).isEqualTo(404);
        // An encoded slash in a path stays refused.
        assertThat(get("/open311/v2/requests/tilladelse:24%2F12345.json" + J).statusCode()).isEqualTo(400);
    }

    @Test
    void serviceRequestIdOverridesTheOtherFilters() {
        var answer = get("/open311/v2/requests.json" + J + "&service_request_id=" + SLASH_ID
                + "&status=open&service_code=nope&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(ids(json(answer))).containsExactly(SLASH_ID);
        assertThat(ids(json(get("/open311/v2/requests.json" + J + "&service_request_id=tilladelse:B&status=closed"))))
                .containsExactly("tilladelse:B");
    }

    @Test
    void everyPathUnderTheEndpointAnswersWithAnOpen311Error() throws Exception {
        var definitionXml = get("/open311/v2/services/tilladelse.xml" + J);
        assertThat(definitionXml.statusCode()).isEqualTo(404);
        Document xml = parse(definitionXml.body());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(text(xml, "code")).isEqualTo("404");
        assertThat(text(xml, "description")).contains("tilladelse");

        var definitionJson = get("/open311/v2/services/tilladelse.json" + J);
        assertThat(definitionJson.statusCode()).isEqualTo(404);
        assertThat(json(definitionJson).get(0).get("code").asInt()).isEqualTo(404);

        var deep = get("/open311/v2/nothing/here/at/all.json" + J);
        assertThat(deep.statusCode()).isEqualTo(404);
        assertThat(json(deep).get(0).get("code").asInt()).isEqualTo(404);
        var noSuffix = get("/open311/v2/requests/tilladelse:B" + J);
        assertThat(noSuffix.statusCode()).isEqualTo(400);
        assertThat(parse(noSuffix.body()).getDocumentElement().getTagName()).isEqualTo("errors");
    }

    @Test
    void datesAreAcceptedAsClientsSendThem() {
        // A client that does not encode '+' sends it as is, and it arrives as a space.
        var unencoded = get("/open311/v2/requests.json" + J + "&start_date=2026-10-13T00:00:00+02:00&end_date=2026-11-01T00:00:00+01:00");
        assertThat(unencoded.statusCode()).as(unencoded.body()).isEqualTo(200);
        assertThat(ids(json(unencoded))).containsExactly("tilladelse:B", COMMA_ID);
        // A date alone is that whole day in Danish time: from 5 October through 13 October.
        var dates = get("/open311/v2/requests.json" + J + "&start_date=2026-10-05&end_date=2026-10-13");
        assertThat(dates.statusCode()).as(dates.body()).isEqualTo(200);
        assertThat(ids(json(dates))).containsExactly(COMMA_ID, SLASH_ID);
        assertThat(ids(json(get("/open311/v2/requests.json" + J + "&start_date=2026-10-06&end_date=2026-10-12")))).isEmpty();
        var bad = get("/open311/v2/requests.json" + J + "&start_date=2026-13-01");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get(0).get("description").asString()).contains("start_date");
    }

    @Test
    void statusNotesAndDescriptionsComeFromTheMessages() {
        JsonNode danish = json(get("/open311/v2/requests/" + SLASH_ID + ".json" + J));
        assertThat(danish.get(0).get("status_notes").asString()).isEqualTo("Sagen er afgjort.");
        assertThat(danish.get(0).get("description").asString()).isEqualTo("Tilladelse, sagsnummer 24/12345");
        JsonNode english = json(get("/open311/v2/requests/" + SLASH_ID + ".json" + J + "&lang=en"));
        assertThat(english.get(0).get("status_notes").asString()).isEqualTo("The case has been decided.");
        assertThat(english.get(0).get("description").asString()).isEqualTo("Tilladelse, case number 24/12345");
        JsonNode open = json(get("/open311/v2/requests/tilladelse:B.json" + J + "&lang=en"));
        assertThat(open.get(0).get("status_notes").asString()).isEqualTo("The case is being processed.");
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpointInBothFormats() throws Exception {
        var answer = get("/open311/discovery.json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode discovery = json(answer);
        assertThat(discovery.get("changeset").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(discovery.get("contact").asString()).isNotBlank();
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).isEqualTo(base() + "/open311/v2");
        assertThat(endpoint.get("type").asString()).isEqualTo("production");
        List<String> formats = new ArrayList<>();
        endpoint.get("formats").forEach(f -> formats.add(f.asString()));
        assertThat(formats).containsExactly("text/xml", "application/json");
        // The url it gives answers.
        assertThat(get(endpoint.get("url").asString().substring(base().length()) + "/services.json" + J).statusCode()).isEqualTo(200);

        var xmlAnswer = get("/open311/discovery.xml");
        assertThat(xmlAnswer.statusCode()).isEqualTo(200);
        Document xml = parse(xmlAnswer.body());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("discovery");
        Element xmlEndpoint = (Element) ((Element) xml.getElementsByTagName("endpoints").item(0)).getElementsByTagName("endpoint").item(0);
        assertThat(xmlEndpoint.getElementsByTagName("url").item(0).getTextContent()).isEqualTo(base() + "/open311/v2");
        assertThat(xmlEndpoint.getElementsByTagName("format").getLength()).isEqualTo(2);
        assertThat(xmlEndpoint.getElementsByTagName("format").item(1).getTextContent()).isEqualTo("application/json");

        // The OpenAPI description names the discovery document, and not the catch-all for unknown addresses.
        String api = get("/v3/api-docs").body();
        assertThat(api).contains("/open311/discovery.{format}").doesNotContain("/open311/v2/**");
    }

    private HttpResponse<String> from(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Origin", "https://example.org")
                .header("Content-Type", "text/csv").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static String allowedOrigin(HttpResponse<String> response) {
        return response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    @Test
    void otherSitesMayReadOpen311AndOpenDataButNotWriteOrReadStaffAnswers() {
        for (String path : List.of("/open311/v2/services.json" + J, "/open311/v2/requests.xml" + J, "/open311/discovery.json",
                "/data/organisationer.json", "/data/organisationer.csv")) {
            var answer = from("GET", path, null, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(allowedOrigin(answer)).as(path).isEqualTo("*");
        }
        // Errors of a read are readable too, so a page can say what went wrong.
        var error = from("GET", "/open311/v2/requests.json", null, null);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(allowedOrigin(error)).isEqualTo("*");

        var write = from("POST", "/open311/v2/requests.json" + J, "service_code=tilladelse", null);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(allowedOrigin(write)).isNull();
        var upload = from("POST", "/api/v1/case-events", Fixtures.HEADER, INGEST_TOKEN);
        assertThat(allowedOrigin(upload)).isNull();
        var api = from("GET", "/api/v1/organisations", null, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(allowedOrigin(api)).isNull();
        var staff = from("GET", "/administration", null, null);
        assertThat(allowedOrigin(staff)).isNull();
        var tokens = from("GET", "/api/v1/tokens", null, ADMIN_TOKEN);
        assertThat(allowedOrigin(tokens)).isNull();
    }
}
