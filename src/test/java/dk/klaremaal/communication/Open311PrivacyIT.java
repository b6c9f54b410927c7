package dk.klaremaal.communication;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.access.AccountService;
import dk.klaremaal.support.Fixtures;
import dk.klaremaal.support.IntegrationTest;
import dk.klaremaal.support.StaffSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Open311 lists individual cases publicly, so only those of case types declared not to concern persons
 * and turned on for listing: a case type concerns persons unless said otherwise, and is not listed.
 */
class Open311PrivacyIT extends IntegrationTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";
    static final String PERIOD = "&start_date=2026-10-01T00:00:00Z&end_date=2026-11-01T00:00:00Z";

    @Autowired
    AccountService accounts;

    @BeforeEach
    void twoCaseTypes() {
        var agency = post("/api/v1/organisations", "application/json", """
                {"kind":"municipality","slug":"testby-kommune","name":"Testby Kommune"}""", ADMIN_TOKEN);
        assertThat(agency.statusCode()).as(agency.body()).isEqualTo(201);
        var personal = post("/api/v1/organisations/testby-kommune/case-types", "application/json", """
                {"service":"boligstoette","code":"boligstoette","name":"Boligstøtte"}""", ADMIN_TOKEN);
        assertThat(personal.statusCode()).as(personal.body()).isEqualTo(201);
        assertThat(json(personal).get("concernsPersons").asBoolean()).as("cases concern persons unless said otherwise").isTrue();
        assertThat(json(personal).get("open311Listed").asBoolean()).as("not listed unless turned on").isFalse();
        var business = post("/api/v1/organisations/testby-kommune/case-types", "application/json", """
                {"service":"miljoe","code":"miljoegodkendelse","name":"Miljøgodkendelse af virksomhed",
                 "concernsPersons":false,"open311Listed":true}""", ADMIN_TOKEN);
        assertThat(business.statusCode()).as(business.body()).isEqualTo(201);
        var cases = post("/api/v1/case-events", "text/csv", Fixtures.HEADER
                + Fixtures.caseRows("testby-kommune", "boligstoette", "P1", "2026-10-05T09:00", "2026-10-12T14:00")
                + Fixtures.caseRows("testby-kommune", "boligstoette", "P2", "2026-10-13T10:30", null)
                + Fixtures.caseRows("testby-kommune", "miljoegodkendelse", "V1", "2026-10-06T09:00", null)
                + "p3,testby-kommune,boligstoette,26/4711,received,2026-10-07T09:00\n", INGEST_TOKEN);
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
    }

    private List<String> listedIds() {
        var answer = get("/open311/v2/requests.json?jurisdiction_id=testby-kommune" + PERIOD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(answer).forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }

    @Test
    void aPersonalCaseTypesCasesAreNeitherListedNorFoundById() {
        assertThat(listedIds()).containsExactly("miljoegodkendelse:V1");
        assertThat(get("/open311/v2/requests.json?jurisdiction_id=testby-kommune&service_code=boligstoette" + PERIOD).body())
                .isEqualTo("[]");
        assertThat(get("/open311/v2/requests.json?jurisdiction_id=testby-kommune&service_request_id=boligstoette:P1").body())
                .isEqualTo("[]");
        for (String format : List.of("json", "xml")) {
            var byId = get("/open311/v2/requests/boligstoette:P2." + format + "?jurisdiction_id=testby-kommune");
            assertThat(byId.statusCode()).isEqualTo(404);
            assertThat(byId.body()).doesNotContain("Boligstøtte");
        }
        assertThat(get("/open311/v2/requests/miljoegodkendelse:V1.json?jurisdiction_id=testby-kommune").statusCode()).isEqualTo(200);
        // A case number with a slash, by its id safe in a path or as written, is not found either.
        for (String id : List.of("boligstoette:26~2F4711", "boligstoette:26%2F4711")) {
            assertThat(get("/open311/v2/requests.json?jurisdiction_id=testby-kommune&service_request_id=" + id).body()).isEqualTo("[]");
        }
        assertThat(get("/open311/v2/requests/boligstoette:26~2F4711.json?jurisdiction_id=testby-kommune").statusCode()).isEqualTo(404);
        // The services themselves (name and expected time) are public either way.
        List<String> services = new ArrayList<>();
        json(get("/open311/v2/services.json?jurisdiction_id=testby-kommune")).forEach(s -> services.add(s.get("service_code").asString()));
        assertThat(services).containsExactlyInAnyOrder("boligstoette", "miljoegodkendelse");
    }

    @Test
    void listingIsRefusedForACaseTypeWhoseCasesConcernPersons() {
        var refused = put("/api/v1/organisations/testby-kommune/case-types/boligstoette/privacy", "application/json",
                "{\"open311Listed\":true}", ADMIN_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("open311Listed");
        assertThat(error.get("reason").asString()).contains("concern persons is never listed");
        var created = post("/api/v1/organisations/testby-kommune/case-types", "application/json", """
                {"service":"boligstoette","code":"boligstoette-klage","name":"Klage over boligstøtte","open311Listed":true}""", ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("open311Listed");
        assertThat(jdbc.sql("select count(*) from case_type where code = 'boligstoette-klage'").query(Long.class).single()).isZero();
        assertThat(listedIds()).containsExactly("miljoegodkendelse:V1");
    }

    @Test
    void declaringThatCasesConcernPersonsTakesThemOutOfTheList() {
        var changed = put("/api/v1/organisations/testby-kommune/case-types/miljoegodkendelse/privacy", "application/json",
                "{\"concernsPersons\":true}", ADMIN_TOKEN);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("open311Listed").asBoolean()).isFalse();
        assertThat(listedIds()).isEmpty();
    }

    @Test
    void theStaffPageTurnsListingOnOnlyForCasesNotAboutPersons() {
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        StaffSession admin = StaffSession.signIn(base(), "ida.admin", PASSWORD);
        String path = "/administration/katalog/organisationer/testby-kommune/sagstyper/boligstoette/privatliv";
        var refused = admin.form(path, Map.of("open311Listed", "true"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Intet blev gemt").contains("Vis sagerne i Open311")
                .contains("sager om personer vises aldrig i Open311");
        assertThat(listedIds()).containsExactly("miljoegodkendelse:V1");

        var english = admin.form(path + "?lang=en", Map.of("open311Listed", "true"));
        assertThat(english.body()).contains("List the cases in Open311").contains("cases about persons are never listed in Open311");

        var listed = admin.form(path, Map.of("notAboutPersons", "true", "open311Listed", "true"));
        assertThat(listed.statusCode()).isEqualTo(302);
        assertThat(listedIds()).containsExactly("boligstoette:P2", "boligstoette:26~2F4711", "miljoegodkendelse:V1",
                "boligstoette:P1");
    }
}
