package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import dk.klaremaal.support.StaffSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the staff pages do: uploads with row errors, manual values, tokens, accounts, and the audit log's before/after. */
class StaffPagesIT extends SeedGoalTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";

    @Autowired
    AccountService accounts;

    private StaffSession admin;

    @BeforeEach
    void signIn() {
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        admin = StaffSession.signIn(base(), "ida.admin", PASSWORD);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void anUploadWithBadRowsStoresNothingAndListsEveryBadRow() {
        String csv = """
                contact_id,organisation,channel,offered_at,answered_at
                c1,vejle-kommune,phone,2025-03-03T09:00,2025-03-03T09:00:20
                c2,ingen-kommune,phone,2025-03-03T09:01,
                c3,vejle-kommune,phone,i går,
                """;
        HttpResponse<String> answer = admin.upload("/administration/data", Map.of("dataset", "contacts"), "file", "opkald.csv", csv);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Intet blev gemt").contains("2 af 3 rækker kan ikke bruges")
                .contains("<td class=\"number\">3</td><td>c2</td><td>organisation</td>")
                .contains("<td class=\"number\">4</td><td>c3</td><td>offered_at</td>");
        assertThat(count("select count(*) from contact")).isZero();

        HttpResponse<String> fixed = admin.upload("/administration/data", Map.of("dataset", "contacts"), "file", "opkald.csv",
                csv.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).contains("1 rækker læst: 1 nye, 0 fandtes allerede.");
        assertThat(count("select count(*) from contact")).isEqualTo(1);
    }

    @Test
    void aManualValueIsStoredWithWhoReportedIt() {
        HttpResponse<String> answer = admin.form("/administration/vaerdier", Map.of("organisation", "patientklagenaevnet",
                "series", "offentliggjorte-afgoerelser", "period", "2025", "value", "12", "note", "Optalt i journalen"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Gemt");
        assertThat(jdbc.sql("select reported_by || '|' || value || '|' || note from series_value").query(String.class).single())
                .isEqualTo("ida.admin|12|Optalt i journalen");
        HttpResponse<String> bad = admin.form("/administration/vaerdier", Map.of("organisation", "patientklagenaevnet",
                "series", "offentliggjorte-afgoerelser", "period", "2025", "value", "tolv"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("<td>value</td>").contains("tolv");
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsAHash() {
        HttpResponse<String> created = admin.form("/administration/noegler", Map.of("name", "ESDH", "scope", "ingest",
                "organisation", "vejle-kommune"));
        String secret = created.body().replaceAll("(?s).*<code class=\"token-secret\">(km_[^<]+)</code>.*", "$1");
        assertThat(secret).startsWith("km_").hasSizeGreaterThan(40);
        assertThat(count("select count(*) from api_token where token_hash = encode(sha256(convert_to('" + secret + "', 'UTF8')), 'hex')"))
                .isEqualTo(1);
        assertThat(admin.get("/administration/noegler").body()).contains("ESDH").doesNotContain(secret);
        assertThat(post("/api/v1/contacts", "text/csv", "contact_id,organisation,channel,offered_at\nc9,vejle-kommune,phone,2025-03-03T09:00\n",
                secret).statusCode()).isEqualTo(200);
        long id = jdbc.sql("select id from api_token where name = 'ESDH'").query(Long.class).single();
        admin.form("/administration/noegler/" + id + "/spaer", Map.of());
        assertThat(post("/api/v1/contacts", "text/csv", "contact_id,organisation,channel,offered_at\nc10,vejle-kommune,phone,2025-03-03T09:00\n",
                secret).statusCode()).isEqualTo(401);
    }

    @Test
    void theAuditLogKeepsBeforeAndAfterAndNeverAPassword() {
        admin.form("/administration/konti", Map.of("username", "ny.person", "displayName", "Ny Person", "password", "hemmelig-kode-123",
                "role", "editor", "organisation", "vejle-kommune"));
        admin.form("/administration/konti/ny.person/roller", Map.of("role", "reporter", "organisation", "vejle-kommune"));
        long goal = goalId("statsamterne", "S5");
        admin.form("/administration/maal/" + goal + "/kommentarer", Map.of("period", "2025", "comment", "Første udgave"));
        admin.form("/administration/maal/" + goal + "/kommentarer", Map.of("period", "2025", "comment", "Rettet udgave"));

        assertThat(count("select count(*) from audit_log where body_excerpt like '%hemmelig%' or (body_excerpt like '%_csrf=%' and body_excerpt not like '%_csrf=***%')")).isZero();
        assertThat(jdbc.sql("select body_excerpt from audit_log where path = '/administration/konti'").query(String.class).single())
                .contains("password=***").contains("username=ny.person");
        String page = admin.get("/administration/revisionsspor").body();
        // The second comment shows what it replaced; the role grant shows the roles before and after.
        assertThat(page).contains("Første udgave").contains("Rettet udgave").contains("ida.admin");
        String roles = jdbc.sql("""
                        select (c -> 'before' -> 'roles')::text || ' → ' || (c -> 'after' -> 'roles')::text
                        from audit_log, jsonb_array_elements(changes) c where path like '%/roller'""").query(String.class).single();
        assertThat(roles).isEqualTo("[{\"role\": \"editor\", \"organisation\": \"vejle-kommune\"}] → "
                + "[{\"role\": \"editor\", \"organisation\": \"vejle-kommune\"}, {\"role\": \"reporter\", \"organisation\": \"vejle-kommune\"}]");
        HttpResponse<String> csv = admin.get("/administration/revisionsspor.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,at,actor,method,path,status,content_type,body_bytes,body_sha256,body_excerpt,changes")
                .contains("Rettet udgave");
    }

    @Test
    void theAuditLogIsOnlyForAdministratorsOfEverything() {
        accounts.create("lokal.admin", "Lokal", PASSWORD, "administrator", "vejle-kommune");
        StaffSession local = StaffSession.signIn(base(), "lokal.admin", PASSWORD);
        assertThat(local.get("/administration/revisionsspor").statusCode()).isEqualTo(403);
        assertThat(local.get("/administration/revisionsspor.csv").statusCode()).isEqualTo(403);
        // A local administrator sees and manages only accounts and tokens of their own organisations.
        assertThat(local.get("/administration/konti").body()).contains("lokal.admin").doesNotContain("ida.admin");
    }

    @Test
    void aSignedInEditorWritesLetterTemplatesWithTheirSessionButOnlyForTheirOrganisation() {
        accounts.create("emma.editor", "Emma", PASSWORD, "editor", "vejle-teknik-og-miljoe");
        StaffSession editor = StaffSession.signIn(base(), "emma.editor", PASSWORD);
        String template = "{\"subject\":\"Kvittering\",\"body\":\"Vi har modtaget din ansøgning.\",\"updatedBy\":\"Emma\"}";
        String own = "/api/v1/organisations/vejle-teknik-og-miljoe/case-types/byggetilladelse/letter-templates/da";
        assertThat(editor.api("PUT", own, template, false).statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(editor.api("PUT", own, template, true).statusCode()).isEqualTo(200);
        assertThat(editor.api("PUT", "/api/v1/organisations/statsamterne/case-types/social-klage/letter-templates/da", template, true)
                .statusCode()).isEqualTo(403);
        // An editor may not do an administrator's work through the API either.
        assertThat(editor.api("POST", "/api/v1/organisations/vejle-teknik-og-miljoe/case-types",
                "{\"service\":\"ny\",\"code\":\"ny\",\"name\":\"Ny\"}", true).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select updated_by from letter_template").query(String.class).single()).isEqualTo("Emma (emma.editor)");
    }
}
