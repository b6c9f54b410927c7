package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every write endpoint × token scope × own or another organisation. Tokens limited to Vejle Kommune
 * (and its technical administration below it) may write there and nowhere else; an ingest token may
 * not do what needs admin; a read token may write nothing.
 */
class AuthorisationMatrixIT extends SeedGoalTest {

    static final String VEJLE_ADMIN = "vejle-admin-token";
    static final String VEJLE_INGEST = "vejle-ingest-token";
    static final String VEJLE_READ = "vejle-read-token";

    @Autowired
    ApiTokenService apiTokens;

    /** One write: the request for the token's own organisation (true) or another (false), and the scope it needs. */
    record Write(String name, String method, String scope, Function<Boolean, String[]> request) {
    }

    @BeforeEach
    void tokens() {
        long vejle = jdbc.sql("select id from organisation where slug = 'vejle-kommune'").query(Long.class).single();
        apiTokens.register("vejle-admin", VEJLE_ADMIN, "admin", vejle);
        apiTokens.register("vejle-ingest", VEJLE_INGEST, "ingest", vejle);
        apiTokens.register("vejle-read", VEJLE_READ, "read", vejle);
    }

    private static String csv(String header, String row) {
        return header + "\n" + row + "\n";
    }

    private List<Write> writes() {
        long own = goalId("vejle-teknik-og-miljoe", "M3a");
        long other = goalId("statsamterne", "S5");
        long otherMilestones = goalId("statens-administration", "A");
        List<Write> w = new ArrayList<>();
        w.add(new Write("case events", "POST", "ingest", o -> new String[]{"/api/v1/case-events", "text/csv",
                csv("event_id,organisation,case_type,case_id,event,occurred_at",
                        "x1," + (o ? "vejle-teknik-og-miljoe,anmeldelse-brs98" : "statsamterne,social-klage") + ",C1,received,2025-03-03T09:00")}));
        w.add(new Write("contacts", "POST", "ingest", o -> new String[]{"/api/v1/contacts", "text/csv",
                csv("contact_id,organisation,channel,offered_at", "c1," + (o ? "vejle-kommune" : "statsamterne") + ",phone,2025-03-03T09:00")}));
        w.add(new Write("reported values", "POST", "ingest", o -> new String[]{"/api/v1/reported-values", "text/csv",
                csv("organisation,series,period,value,reported_by",
                        (o ? "vejle-kommune,ukendt" : "patientklagenaevnet,offentliggjorte-afgoerelser") + ",2025,5,Test")}));
        w.add(new Write("survey answers", "POST", "ingest", o -> new String[]{"/api/v1/survey-responses", "text/csv",
                csv("response_id,organisation,survey,question,answered_on,score",
                        "r1," + (o ? "vejle-kommune,ukendt,q" : "cpr-kontoret,kundeundersoegelse,levering") + ",2025-03-03,4")}));
        w.add(new Write("downtime", "POST", "ingest", o -> new String[]{"/api/v1/downtime", "text/csv",
                csv("downtime_id,organisation,system,started_at,ended_at",
                        "d1," + (o ? "vejle-kommune,ukendt" : "oekonomistyrelsen,selvbetjening-inddrivelse") + ",2025-03-03T09:00,2025-03-03T10:00")}));
        w.add(new Write("survey aggregate", "POST", "ingest", o -> new String[]{"/api/v1/survey-aggregates", "application/json",
                o ? "{\"organisation\":\"vejle-kommune\",\"survey\":\"ukendt\",\"question\":\"q\",\"period\":\"2025\",\"counts\":[1],\"reportedBy\":\"T\"}"
                        : "{\"organisation\":\"odsherred-kommune\",\"survey\":\"foraeldreundersoegelse-fritidsklub\",\"question\":\"atmosfaere\","
                        + "\"period\":\"2025\",\"counts\":[1,1,1,1,1],\"reportedBy\":\"T\"}"}));
        w.add(new Write("milestone", "PUT", "ingest", o -> new String[]{"/api/v1/goals/" + (o ? 999999 : otherMilestones) + "/milestones/0",
                "application/json", "{\"doneOn\":\"2025-03-01\",\"evidence\":\"e\",\"reportedBy\":\"T\"}"}));
        w.add(new Write("letter", "POST", "ingest", o -> new String[]{"/api/v1/letters", "application/json",
                "{\"organisation\":\"" + (o ? "vejle-teknik-og-miljoe" : "statsamterne") + "\",\"caseType\":\"" + (o ? "byggetilladelse" : "social-klage")
                        + "\",\"caseNumber\":\"X\",\"receivedDate\":\"2025-05-01\"}"}));
        w.add(new Write("goal", "POST", "admin", o -> new String[]{"/api/v1/goals", "application/json",
                "{\"organisation\":\"" + (o ? "vejle-teknik-og-miljoe" : "statsamterne") + "\",\"caseType\":\"" + (o ? "byggetilladelse" : "social-klage")
                        + "\",\"sentence\":\"x\",\"dimension\":\"faglig_kvalitet\",\"indicator\":{\"kind\":\"processing_time\",\"statistic\":\"mean\"},"
                        + "\"scale\":{\"kind\":\"binary\",\"comparator\":\"<=\",\"threshold\":10}}"}));
        w.add(new Write("case type", "POST", "admin", o -> new String[]{"/api/v1/organisations/" + (o ? "vejle-kommune" : "statsamterne") + "/case-types",
                "application/json", "{\"service\":\"ny\",\"code\":\"ny-sagstype\",\"name\":\"Ny\"}"}));
        w.add(new Write("organisation", "POST", "admin", o -> new String[]{"/api/v1/organisations", "application/json",
                "{\"parent\":\"" + (o ? "vejle-kommune" : "statsamterne") + "\",\"kind\":\"administration\",\"slug\":\"ny-enhed\",\"name\":\"Ny enhed\"}"}));
        w.add(new Write("series", "POST", "admin", o -> new String[]{"/api/v1/organisations/" + (o ? "vejle-kommune" : "statsamterne") + "/series",
                "application/json", "{\"code\":\"ny\",\"name\":\"Ny\"}"}));
        w.add(new Write("region", "PUT", "admin", o -> new String[]{"/api/v1/organisations/" + (o ? "vejle-kommune" : "statsamterne") + "/region",
                "application/json", "{\"region\":\"syddanmark\"}"}));
        w.add(new Write("contact details", "PUT", "admin", o -> new String[]{"/api/v1/organisations/" + (o ? "vejle-kommune" : "statsamterne") + "/contact",
                "application/json", "{\"phone\":\"1\"}"}));
        w.add(new Write("letter template", "PUT", "admin", o -> new String[]{"/api/v1/organisations/"
                + (o ? "vejle-teknik-og-miljoe/case-types/byggetilladelse" : "statsamterne/case-types/social-klage") + "/letter-templates/da",
                "application/json", "{\"subject\":\"s\",\"body\":\"b\",\"updatedBy\":\"T\"}"}));
        w.add(new Write("expected-time settings", "PUT", "admin", o -> new String[]{"/api/v1/organisations/"
                + (o ? "vejle-teknik-og-miljoe/case-types/byggetilladelse" : "statsamterne/case-types/social-klage") + "/expected-time-settings",
                "application/json", "{\"share\":80}"}));
        w.add(new Write("comment", "PUT", "admin", o -> new String[]{"/api/v1/goals/" + (o ? own : other) + "/comments/2025", "application/json",
                "{\"comment\":\"c\",\"writtenBy\":\"T\"}"}));
        for (String org : List.of("vejle-teknik-og-miljoe", "statsamterne")) {
            if (get("/api/v1/plans/" + org + "/2030").statusCode() == 404) {
                assertThat(put("/api/v1/plans/" + org + "/2030", "application/json", plan(1, null), ADMIN_TOKEN).statusCode()).isEqualTo(200);
            }
        }
        w.add(new Write("plan version", "PUT", "admin", o -> new String[]{"/api/v1/plans/" + (o ? "vejle-teknik-og-miljoe" : "statsamterne") + "/2030",
                "application/json", plan(2, "Ændret grundlag")}));
        w.add(new Write("plan follow-up", "PUT", "ingest", o -> new String[]{"/api/v1/plans/" + (o ? "vejle-teknik-og-miljoe" : "statsamterne")
                + "/2030/followups/A1", "application/json", "{\"status\":\"reached\",\"reportedBy\":\"T\"}"}));
        w.add(new Write("plan assessment", "PUT", "admin", o -> new String[]{"/api/v1/plans/" + (o ? "vejle-teknik-og-miljoe" : "statsamterne")
                + "/2030/assessments/A", "application/json", "{\"status\":\"met\",\"justification\":\"Departementet vurderer målet som opfyldt.\"}"}));
        return w;
    }

    /** A small plan for 2030 whose one milestone is due in the given quarter. */
    private static String plan(int quarter, String reason) {
        return "{\"validFrom\":\"2030-01-01\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + ",\"content\":{\"title\":\"Plan 2030\","
                + "\"mission\":\"M\",\"vision\":\"V\",\"bearings\":[{\"code\":\"1\",\"title\":\"Drift\"}],\"goals\":[{\"code\":\"A\",\"bearing\":\"1\","
                + "\"title\":\"Et mål\",\"milestones\":[{\"key\":\"A1\",\"quarter\":" + quarter + ",\"text\":\"Første\"}]}]}}";
    }

    private HttpResponse<String> send(String method, String[] r, String token) {
        return method.equals("PUT") ? put(r[0], r[1], r[2], token) : post(r[0], r[1], r[2], token);
    }

    @Test
    void aTokenLimitedToOneMunicipalityCannotTouchAnotherOrganisation() {
        List<String> failures = new ArrayList<>();
        for (Write w : writes()) {
            String token = w.scope().equals("admin") ? VEJLE_ADMIN : VEJLE_INGEST;
            HttpResponse<String> other = send(w.method(), w.request().apply(false), token);
            boolean refused = other.statusCode() == 403
                    || (other.statusCode() == 422 && other.body().contains("you may not load data for "));
            if (!refused) {
                failures.add(w.name() + " for another organisation: " + other.statusCode() + " " + other.body());
            }
            HttpResponse<String> own = send(w.method(), w.request().apply(true), token);
            if (own.statusCode() == 403 || own.body().contains("you may not load data")) {
                failures.add(w.name() + " for its own organisation was refused: " + own.statusCode() + " " + own.body());
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void scopesAreCheckedBeforeOrganisations() {
        List<String> failures = new ArrayList<>();
        for (Write w : writes()) {
            int read = send(w.method(), w.request().apply(true), VEJLE_READ).statusCode();
            if (read != 403) {
                failures.add(w.name() + " with a read token: " + read);
            }
            if (w.scope().equals("admin")) {
                int ingest = send(w.method(), w.request().apply(true), VEJLE_INGEST).statusCode();
                if (ingest != 403) {
                    failures.add(w.name() + " with an ingest token: " + ingest);
                }
            }
            int anonymous = send(w.method(), w.request().apply(true), null).statusCode();
            if (anonymous != 401) {
                failures.add(w.name() + " without a token: " + anonymous);
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void tokensAreCreatedShownOnceListedWithoutSecretAndRevoked() {
        var created = post("/api/v1/tokens", "application/json",
                "{\"name\":\"Vejle sagssystem\",\"scope\":\"ingest\",\"organisation\":\"vejle-kommune\"}", ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = json(created).get("token").asString();
        long id = json(created).get("id").asLong();
        assertThat(secret).startsWith("km_").hasSizeGreaterThan(40);
        assertThat(get("/api/v1/tokens").statusCode()).isEqualTo(401);
        String listed = request("GET", "/api/v1/tokens", ADMIN_TOKEN).body();
        assertThat(listed).contains("Vejle sagssystem").doesNotContain(secret);
        var usable = post("/api/v1/contacts", "text/csv", csv("contact_id,organisation,channel,offered_at", "z1,vejle-kommune,phone,2025-03-03T09:00"),
                secret);
        assertThat(usable.statusCode()).as(usable.body()).isEqualTo(200);
        assertThat(post("/api/v1/tokens", "application/json", "{\"name\":\"x\",\"scope\":\"admin\"}", VEJLE_ADMIN).statusCode()).isEqualTo(403);
        assertThat(request("DELETE", "/api/v1/tokens/" + id, ADMIN_TOKEN).statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/contacts", "text/csv", csv("contact_id,organisation,channel,offered_at", "z2,vejle-kommune,phone,2025-03-03T09:00"),
                secret).statusCode()).isEqualTo(401);
    }

    @Test
    void everyWriteIsInTheAuditLogWithWhoWhatAndTheAnswer() {
        post("/api/v1/contacts", "text/csv", csv("contact_id,organisation,channel,offered_at", "a1,vejle-kommune,phone,2025-03-03T09:00"), VEJLE_INGEST);
        post("/api/v1/contacts", "text/csv", csv("contact_id,organisation,channel,offered_at", "a2,statsamterne,phone,2025-03-03T09:00"), VEJLE_INGEST);
        put("/api/v1/organisations/vejle-kommune/region", "application/json", "{\"region\":\"syddanmark\"}", VEJLE_ADMIN);
        var log = json(request("GET", "/api/v1/audit", ADMIN_TOKEN));
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.get(0).get("actor").asString()).isEqualTo("token:vejle-admin");
        assertThat(log.get(0).get("method").asString()).isEqualTo("PUT");
        assertThat(log.get(0).get("path").asString()).isEqualTo("/api/v1/organisations/vejle-kommune/region");
        assertThat(log.get(0).get("bodyExcerpt").asString()).contains("syddanmark");
        assertThat(log.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(log.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(log.get(2).get("bodySha256").asString()).hasSize(64);
        assertThat(request("GET", "/api/v1/audit.csv", ADMIN_TOKEN).body()).startsWith("id,at,actor,method,path,status");
        assertThat(request("GET", "/api/v1/audit", VEJLE_ADMIN).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> request(String method, String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                    .header("Authorization", "Bearer " + token).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
