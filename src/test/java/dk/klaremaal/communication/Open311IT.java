package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/** Open311 GeoReport v2 as the specification lists its fields, formats and errors. */
class Open311IT extends IntegrationTest {

    /** The fields of GET services, in the specification's order. */
    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
    /** The fields of GET requests, in the specification's order. */
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
            "address", "address_id", "zipcode", "lat", "long", "media_url");

    @Autowired
    CatalogueService catalogue;

    @BeforeEach
    void cases() {
        Fixtures.agencyWithCaseType(catalogue, "testens-styrelse", "tilladelse");
        // Open311 lists the cases of a case type only when they do not concern persons and listing is turned on.
        var listed = put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/privacy", "application/json",
                "{\"concernsPersons\":false,\"open311Listed\":true}", ADMIN_TOKEN);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        put("/api/v1/organisations/testens-styrelse/case-types/tilladelse/expected-time-settings", "application/json",
                "{\"minCases\":1,\"dayUnit\":\"working\"}", ADMIN_TOKEN);
        // Decided case A (5 working days) gives the expected time for B, received a week later and still open.
        var response = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "A", "2026-10-05T09:00", "2026-10-12T14:00")
                + Fixtures.caseRows("testens-styrelse", "tilladelse", "B", "2026-10-13T10:30", null), INGEST_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void servicesAreTheCaseTypesInJsonAndXml() throws Exception {
        var jsonResponse = get("/open311/v2/services.json?jurisdiction_id=testens-styrelse");
        assertThat(jsonResponse.statusCode()).isEqualTo(200);
        assertThat(jsonResponse.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode services = json(jsonResponse);
        assertThat(names(services.get(0))).containsExactlyElementsOf(SERVICE_FIELDS);
        assertThat(services.get(0).get("service_code").asString()).isEqualTo("tilladelse");
        assertThat(services.get(0).get("metadata").asBoolean()).isFalse();

        var xmlResponse = get("/open311/v2/services.xml?jurisdiction_id=testens-styrelse");
        assertThat(xmlResponse.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(xmlResponse.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Document xml = parse(xmlResponse.body());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(children((Element) xml.getElementsByTagName("service").item(0))).containsExactlyElementsOf(SERVICE_FIELDS);
    }

    @Test
    void requestsAreCasesWithTheTimeTheyCouldExpectWhenReceived() throws Exception {
        JsonNode requests = json(get("/open311/v2/requests.json?jurisdiction_id=testens-styrelse&start_date=2026-10-01T00:00:00%2B02:00"
                + "&end_date=2026-11-01T00:00:00%2B01:00"));
        assertThat(requests.size()).isEqualTo(2);
        JsonNode b = requests.get(0);
        assertThat(names(b)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(b.get("service_request_id").asString()).isEqualTo("tilladelse:B");
        assertThat(b.get("status").asString()).isEqualTo("open");
        assertThat(b.get("requested_datetime").asString()).isEqualTo("2026-10-13T10:30:00+02:00");
        // As of 13 October the window holds A only: 5 working days. Tue 13 Oct + 5 working days = Tue 20 Oct.
        assertThat(b.get("expected_datetime").asString()).isEqualTo("2026-10-20T10:30:00+02:00");
        JsonNode a = requests.get(1);
        assertThat(a.get("status").asString()).isEqualTo("closed");
        assertThat(a.get("updated_datetime").asString()).isEqualTo("2026-10-12T14:00:00+02:00");

        JsonNode closedOnly = json(get("/open311/v2/requests.json?jurisdiction_id=testens-styrelse&status=closed"
                + "&start_date=2026-10-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"));
        assertThat(closedOnly.size()).isEqualTo(1);

        var one = get("/open311/v2/requests/tilladelse:B.xml?jurisdiction_id=testens-styrelse");
        assertThat(one.statusCode()).isEqualTo(200);
        Document xml = parse(one.body());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element request = (Element) xml.getElementsByTagName("request").item(0);
        assertThat(children(request)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(request.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo("tilladelse:B");
    }

    @Test
    void errorsAreListsOfCodeAndDescription() throws Exception {
        var missing = get("/open311/v2/services.json");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(names(json(missing).get(0))).containsExactly("code", "description");
        assertThat(json(missing).get(0).get("code").asInt()).isEqualTo(400);

        var unknown = get("/open311/v2/requests/tilladelse:X.xml?jurisdiction_id=testens-styrelse");
        assertThat(unknown.statusCode()).isEqualTo(404);
        Document xml = parse(unknown.body());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(xml.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("404");

        var post = post("/open311/v2/requests.json?jurisdiction_id=testens-styrelse", "application/x-www-form-urlencoded",
                "service_code=tilladelse&description=x", null);
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(json(post).get(0).get("code").asInt()).isEqualTo(403);

        assertThat(get("/open311/v2/requests.json?jurisdiction_id=ingen").statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/requests.json?jurisdiction_id=testens-styrelse&status=pending").statusCode()).isEqualTo(400);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> children(Element element) {
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }
}
