package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import dk.klaremaal.support.StaffSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edges where a request could slip past a protection: encoded spellings of protected paths,
 * a header that only looks like a token, sessions for people who have not signed in, the last
 * administrator, and an audit record that must commit with the change it records.
 */
class EdgeProtectionIT extends SeedGoalTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";

    @Autowired
    AccountService accounts;

    @Autowired
    DemoCredentials demoCredentials;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Sends a request as written, byte for byte, and returns the status line and headers. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Only the status line: the server may wait for a declared body that never comes.
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /%61pi/v1/tokens",
            "POST, /api/v1/%74okens",
            "POST, /%61dministration/konti",
            "POST, /log-%69nd",
            "GET, /log-%69nd",
            "POST, /api/v1/case%2Devents",
            "GET, /%6Drganisationer",
            "GET, /api/v1/organisations%2F..%2Ftokens",
            "GET, /api/v1/organisations%2e%2e",
    })
    void aPathThatEncodesAPlainCharacterIsRefusedBeforeAnyFilterReadsIt(String method, String path) throws Exception {
        String answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 300000000\r\nConnection: close\r\n\r\n{\"name\":\"x\",\"scope\":\"admin\"}");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(count("select count(*) from api_token")).as("only the test's own tokens").isEqualTo(2);
        assertThat(count("select count(*) from account")).isZero();
    }

    @Test
    void theSamePathsWrittenPlainlyAreAuditedAndLimited() throws Exception {
        var created = post("/api/v1/tokens", "application/json", "{\"name\":\"ESDH\",\"scope\":\"ingest\"}", ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(count("select count(*) from audit_log where path = '/api/v1/tokens' and status = 201 and changes is not null")).isEqualTo(1);
        String tooLarge = raw("POST /api/v1/case-events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + INGEST_TOKEN
                + "\r\nContent-Type: text/csv\r\nContent-Length: 300000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        assertThat(tooLarge).as("refused before the client is invited to send it").startsWith("HTTP/1.1 413");
    }

    @Test
    void aHeaderThatIsNotAValidTokenDoesNotExcuseASessionFromItsCsrfToken() {
        accounts.create("emma.editor", "Emma Editor", PASSWORD, "editor", "vejle-teknik-og-miljoe");
        StaffSession editor = StaffSession.signIn(base(), "emma.editor", PASSWORD);
        String template = "{\"subject\":\"Kvittering\",\"body\":\"Vi har modtaget din ansøgning.\",\"updatedBy\":\"Emma\"}";
        String path = "/api/v1/organisations/vejle-teknik-og-miljoe/case-types/byggetilladelse/letter-templates/da";
        assertThat(editor.api("PUT", path, template, false, "Authorization", "Bearer ikke-en-noegle").statusCode()).isEqualTo(403);
        assertThat(editor.api("PUT", path, template, false, "Authorization", "Basic eDp5").statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from letter_template")).isZero();
        assertThat(editor.api("PUT", path, template, true).statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyWhoHasNotSignedInGetsASession() {
        for (int i = 0; i < 20; i++) {
            assertThat(get("/log-ind").statusCode()).isEqualTo(200);
            assertThat(get("/administration").statusCode()).isEqualTo(302);
            get("/");
        }
        assertThat(post("/log-ind", "application/x-www-form-urlencoded", "username=x&password=y", null).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from spring_session")).isZero();
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        StaffSession.signIn(base(), "ida.admin", PASSWORD);
        assertThat(count("select count(*) from spring_session")).isEqualTo(1);
    }

    @Test
    void theLastAdministratorOfAllOrganisationsCannotGiveUpTheRole() {
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        StaffSession ida = StaffSession.signIn(base(), "ida.admin", PASSWORD);
        HttpResponse<String> refused = ida.form("/administration/konti/ida.admin/roller", Map.of("role", "administrator", "change", "withdraw"));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("den sidste administrator for alle organisationer");
        assertThat(count("select count(*) from account_role where role = 'administrator' and organisation_id is null")).isEqualTo(1);

        accounts.create("otto.admin", "Otto Admin", PASSWORD, "administrator", null);
        ida.form("/administration/konti/ida.admin/roller", Map.of("role", "administrator", "change", "withdraw"));
        assertThat(count("select count(*) from account_role r join account a on a.id = r.account_id where a.username = 'ida.admin'")).isZero();
        assertThat(count("select count(*) from account_role where role = 'administrator' and organisation_id is null")).isEqualTo(1);
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeStoredIsNotStoredEither() {
        jdbc.sql("""
                create or replace function refuse_audit() returns trigger language plpgsql as $$
                begin
                    if new.path like '/api/v1/organisations%' then raise exception 'no audit records now'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()").update();
        try {
            var answer = post("/api/v1/organisations", "application/json",
                    "{\"parent\":\"vejle-kommune\",\"kind\":\"administration\",\"slug\":\"ny-enhed\",\"name\":\"Ny enhed\"}", ADMIN_TOKEN);
            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(count("select count(*) from organisation where slug = 'ny-enhed'")).isZero();
        } finally {
            jdbc.sql("drop trigger refuse_audit on audit_log").update();
            jdbc.sql("drop function refuse_audit()").update();
        }
        var answer = post("/api/v1/organisations", "application/json",
                "{\"parent\":\"vejle-kommune\",\"kind\":\"administration\",\"slug\":\"ny-enhed\",\"name\":\"Ny enhed\"}", ADMIN_TOKEN);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(count("select count(*) from organisation where slug = 'ny-enhed'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where path = '/api/v1/organisations' and status = 201")).isEqualTo(1);
    }

    @Test
    void aRefusedWriteIsRecordedTooAndAnUploadIsHashedWhole() throws Exception {
        String csv = "contact_id,organisation,channel,offered_at\n" + "c,ingen-kommune,phone,2025-03-03T09:00\n".repeat(20_000);
        var answer = post("/api/v1/contacts", "text/csv", csv, INGEST_TOKEN);
        assertThat(answer.statusCode()).isEqualTo(422);
        var recorded = jdbc.sql("select status, body_bytes, body_sha256 from audit_log where path = '/api/v1/contacts'")
                .query((rs, i) -> rs.getInt(1) + " " + rs.getLong(2) + " " + rs.getString(3)).single();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(recorded).isEqualTo("422 " + csv.getBytes(StandardCharsets.UTF_8).length + " " + sha);
    }

    @Test
    void aNulByteIsARowErrorWithAWholeAnswerAndAnAuditRecord() {
        var answer = post("/api/v1/contacts", "text/csv",
                "contact_id,organisation,channel,offered_at\nc1\u0000,vejle-kommune,phone,2025-03-03T09:00\n", INGEST_TOKEN);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).get("errors").get(0).get("field").asString()).isEqualTo("contact_id");
        assertThat(count("select count(*) from contact")).isZero();
        assertThat(count("select count(*) from audit_log where path = '/api/v1/contacts' and status = 422")).isEqualTo(1);
    }

    @Test
    void aTokenForAllOrganisationsCanBeRevoked() {
        var created = post("/api/v1/tokens", "application/json", "{\"name\":\"ESDH\",\"scope\":\"read\"}", ADMIN_TOKEN);
        long id = json(created).get("id").asLong();
        assertThat(delete("/api/v1/tokens/" + id, ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(count("select count(*) from api_token where id = " + id + " and revoked_at is not null")).isEqualTo(1);
    }

    @Test
    void jsonWithMoreAfterTheArrayTooLongAValueOrAnotherCharsetIsRefusedAndNothingStored() {
        String row = "{\"contact_id\":\"c1\",\"organisation\":\"vejle-kommune\",\"channel\":\"phone\",\"offered_at\":\"2025-03-03T09:00\"}";
        assertThat(post("/api/v1/contacts", "application/json", "[" + row + "] {\"x\": ", INGEST_TOKEN).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/contacts", "application/json", "[" + row + "]]", INGEST_TOKEN).statusCode()).isEqualTo(400);
        var huge = post("/api/v1/contacts", "application/json", "[" + row.replace("\"c1\"", "\"" + "c".repeat(150_000) + "\"") + "]",
                INGEST_TOKEN);
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("contact_id");
        var twice = post("/api/v1/contacts", "application/json", "[" + row.replace("{", "{\"contact_id\":\"c0\",") + "]", INGEST_TOKEN);
        assertThat(twice.statusCode()).as("a field named twice").isEqualTo(400);
        var latin1 = HttpClient.newHttpClient();
        try {
            var answer = latin1.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/v1/contacts"))
                    .header("Content-Type", "application/json;charset=windows-1252").header("Authorization", "Bearer " + INGEST_TOKEN)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(("[" + row.replace("c1", "c\u00e6") + "]")
                            .getBytes(StandardCharsets.ISO_8859_1))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(count("select count(*) from contact")).isZero();
    }

    @Test
    void aComparisonForAPeriodThatIsNoneIsA400() {
        assertThat(get("/data/sammenligning/servicemaal-byggetilladelse.csv?periode=abc").statusCode()).isEqualTo(400);
        assertThat(get("/sammenligning/servicemaal-byggetilladelse?periode=2025-Q9").statusCode()).isEqualTo(400);
    }

    @Test
    void outsideTheDemoASessionOpenedWithItsPasswordEndsAndTokensIssuedWithItsTokenAreRevoked() {
        accounts.create("admin", "Administrator", DemoCredentials.PASSWORD, "administrator", null);
        StaffSession signedIn = StaffSession.signIn(base(), "admin", DemoCredentials.PASSWORD);
        tokens.register("demo", DemoCredentials.TOKEN, "admin");
        var issued = post("/api/v1/tokens", "application/json", "{\"name\":\"kopi\",\"scope\":\"admin\"}", DemoCredentials.TOKEN);
        String copy = json(issued).get("token").asString();
        assertThat(signedIn.get("/administration/noegler").statusCode()).isEqualTo(200);

        demoCredentials.run(null);

        assertThat(signedIn.get("/administration/noegler").statusCode()).isEqualTo(302);
        assertThat(post("/api/v1/tokens", "application/json", "{\"name\":\"x\",\"scope\":\"read\"}", DemoCredentials.TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/tokens", "application/json", "{\"name\":\"y\",\"scope\":\"read\"}", copy).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheDemoItsPublishedCredentialsOpenNothing() throws Exception {
        tokens.register("demo", DemoCredentials.TOKEN, "admin");
        accounts.create("admin", "Administrator", DemoCredentials.PASSWORD, "administrator", null);
        accounts.create("ida.admin", "Ida Admin", PASSWORD, "administrator", null);
        assertThat(get("/api/v1/tokens").statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/tokens", "application/json", "{\"name\":\"x\",\"scope\":\"read\"}", DemoCredentials.TOKEN).statusCode())
                .isEqualTo(201);

        demoCredentials.run(null);

        assertThat(post("/api/v1/tokens", "application/json", "{\"name\":\"y\",\"scope\":\"read\"}", DemoCredentials.TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(count("select count(*) from account where username = 'admin' and password_hash is null")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StaffSession.signIn(base(), "admin", DemoCredentials.PASSWORD))
                .hasMessageContaining("could not sign in");
        StaffSession.signIn(base(), "ida.admin", PASSWORD);
    }
}
