package dk.klaremaal.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.SeedGoalTest;
import dk.klaremaal.support.StaffSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every write on the staff pages × every role × the role's own organisation or another. The person
 * holds one role in Vejle Kommune (which includes its technical administration below it); the other
 * organisations are state agencies. A write is refused with 403 (or, for data rows, a row refusal)
 * unless the role permits it, and always for the other organisation.
 */
class StaffPagesAuthorisationIT extends SeedGoalTest {

    static final String PASSWORD = "en-lang-nok-adgangskode";

    @Autowired
    AccountService accounts;

    /** One write: the request for the own (true) or the other (false) organisation, and the roles that may send it. */
    record Write(String name, Set<AccessPolicy.Role> roles, Function<Boolean, HttpResponse<String>> send) {
    }

    /** A seed goal put back in an earlier state of its approval (a fixture: the public API lists only published goals). */
    private long goalInState(String organisation, String code, String state) {
        long id = jdbc.sql("select g.id from goal g join organisation o on o.id = g.organisation_id where o.slug = ? and g.code = ?")
                .params(organisation, code).query(Long.class).single();
        jdbc.sql("update goal set state = ? where id = ?").params(state, id).update();
        return id;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private List<Write> writes(StaffSession s) {
        long ownPublished = goalId("vejle-teknik-og-miljoe", "M3a");
        long otherPublished = goalId("statsamterne", "S5");
        post("/api/v1/goals", "application/json", """
                {"organisation":"vejle-kommune","code":"MS","sentence":"Vejle har milepæle.","dimension":"faglig_kvalitet",
                 "indicator":{"kind":"milestones","statistic":"share_done"},"periodKind":"year",
                 "scale":{"kind":"binary","comparator":">=","threshold":100},
                 "milestones":[{"title":"Første","due":"2025-03-31"}]}""", ADMIN_TOKEN);
        long ownMilestones = goalId("vejle-kommune", "MS");
        long otherMilestones = goalId("statens-administration", "A");
        var E = AccessPolicy.Role.EDITOR;
        var A = AccessPolicy.Role.ADMINISTRATOR;
        var P = AccessPolicy.Role.APPROVER;
        var R = AccessPolicy.Role.REPORTER;
        List<Write> w = new ArrayList<>();
        w.add(new Write("create goal", Set.of(A, E), own -> s.form("/administration/maal", fields(
                "organisation", own ? "vejle-teknik-og-miljoe" : "statsamterne", "caseType", own ? "byggetilladelse" : "social-klage",
                "sentence", "Et mål.", "dimension", "faglig_kvalitet", "indicator.kind", "processing_time", "indicator.statistic", "mean",
                "periodKind", "year", "scale.kind", "binary", "scale.direction", "lower_is_better",
                "scale.levels[0].status", "met", "scale.levels[0].upper.value", "10", "scale.levels[0].upper.inclusive", "true",
                "scale.levels[1].status", "not_met", "scale.levels[1].lower.value", "10", "scale.levels[1].lower.inclusive", "false"))));
        w.add(new Write("new version", Set.of(A, E), own -> s.form("/administration/maal/" + (own ? ownPublished : otherPublished) + "/ret",
                Map.of("sentence", "Ændret."))));
        w.add(new Write("submit", Set.of(A, E), own -> s.form("/administration/maal/"
                + goalInState(own ? "vejle-teknik-og-miljoe" : "statsamterne", own ? "M3b" : "S6", "draft") + "/tilstand", Map.of("state", "submitted"))));
        w.add(new Write("approve", Set.of(A, P), own -> s.form("/administration/maal/"
                + goalInState(own ? "vejle-teknik-og-miljoe" : "statsamterne", own ? "M3c" : "S16", "submitted") + "/tilstand", Map.of("state", "approved"))));
        w.add(new Write("milestone", Set.of(A, R), own -> s.form("/administration/maal/" + (own ? ownMilestones : otherMilestones) + "/milepaele/0",
                Map.of("doneOn", "2025-03-01", "evidence", "Beslutning"))));
        w.add(new Write("comment", Set.of(A, E), own -> s.form("/administration/maal/" + (own ? ownPublished : otherPublished) + "/kommentarer",
                Map.of("period", "2025", "comment", "Godt år."))));
        w.add(new Write("upload", Set.of(A, R), own -> s.upload("/administration/data", Map.of("dataset", "contacts"), "file", "c.csv",
                "contact_id,organisation,channel,offered_at\nc1," + (own ? "vejle-kommune" : "statsamterne") + ",phone,2025-03-03T09:00\n")));
        w.add(new Write("manual value", Set.of(A, R), own -> s.form("/administration/vaerdier", Map.of("organisation",
                own ? "vejle-kommune" : "patientklagenaevnet", "series", own ? "ukendt" : "offentliggjorte-afgoerelser", "period", "2025", "value", "5"))));
        w.add(new Write("organisation", Set.of(A), own -> s.form("/administration/katalog/organisationer", Map.of(
                "parent", own ? "vejle-kommune" : "statsamterne", "kind", "institution", "slug", "ny-" + own, "name", "Ny"))));
        w.add(new Write("rename", Set.of(A), own -> s.form("/administration/katalog/organisationer/" + (own ? "vejle-kommune" : "statsamterne")
                + "/navn", Map.of("name", "Nyt navn"))));
        w.add(new Write("case type", Set.of(A), own -> s.form("/administration/katalog/organisationer/" + (own ? "vejle-kommune" : "statsamterne")
                + "/sagstyper", Map.of("service", "ny", "code", "ny-sagstype", "name", "Ny"))));
        w.add(new Write("token", Set.of(A), own -> s.form("/administration/noegler", Map.of("name", "system", "scope", "ingest",
                "organisation", own ? "vejle-kommune" : "statsamterne"))));
        w.add(new Write("account", Set.of(A), own -> s.form("/administration/konti", Map.of("username", "ny." + own, "displayName", "Ny",
                "role", "reader", "organisation", own ? "vejle-kommune" : "statsamterne"))));
        w.add(new Write("role", Set.of(A), own -> s.form("/administration/konti/person/roller", Map.of("role", "editor",
                "organisation", own ? "vejle-teknik-og-miljoe" : "statsamterne"))));
        for (String org : List.of("vejle-teknik-og-miljoe", "statsamterne")) {
            HttpResponse<String> plan = put("/api/v1/plans/" + org + "/2030", "application/json", """
                    {"validFrom":"2030-01-01","content":{"title":"Mål- og resultatplan 2030","mission":"M","vision":"V",
                     "bearings":[{"code":"1","title":"Drift"}],
                     "goals":[{"code":"A","bearing":"1","title":"Et mål","milestones":[{"key":"A1","quarter":1,"text":"Første"}]}]}}""",
                    ADMIN_TOKEN);
            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        }
        w.add(new Write("plan version", Set.of(A, E), own -> s.form("/administration/planer/" + (own ? "vejle-teknik-og-miljoe" : "statsamterne")
                + "/2030/ret", fields("validFrom", "2030-03-01", "reason", "Ændret grundlag", "content.title", "Mål- og resultatplan 2030",
                "content.mission", "M", "content.vision", "V", "content.rule.partlyFromPercent", "50",
                "content.bearings[0].code", "1", "content.bearings[0].title", "Drift",
                "content.goals[0].code", "A", "content.goals[0].bearing", "1", "content.goals[0].title", "Et mål",
                "content.goals[0].milestones[0].key", "A1", "content.goals[0].milestones[0].quarter", "2",
                "content.goals[0].milestones[0].text", "Første"))));
        w.add(new Write("plan follow-up", Set.of(A, R), own -> s.form("/administration/planer/" + (own ? "vejle-teknik-og-miljoe" : "statsamterne")
                + "/2030/opfoelgning/A1", Map.of("status", "reached", "reportedBy", "Person"))));
        w.add(new Write("plan assessment", Set.of(A, P), own -> s.form("/administration/planer/" + (own ? "vejle-teknik-og-miljoe" : "statsamterne")
                + "/2030/vurdering/A", Map.of("status", "met", "justification", "Departementet vurderer målet som opfyldt."))));
        return w;
    }

    private static boolean refused(HttpResponse<String> answer) {
        return answer.statusCode() == 403 || answer.body().contains("you may not load data") || answer.body().contains("You may not");
    }

    @ParameterizedTest
    @EnumSource(AccessPolicy.Role.class)
    void everyStaffWriteChecksTheRoleAndTheOrganisation(AccessPolicy.Role role) {
        accounts.create("person", "Person", PASSWORD, role.code(), "vejle-kommune");
        StaffSession session = StaffSession.signIn(base(), "person", PASSWORD);
        List<String> failures = new ArrayList<>();
        for (Write w : writes(session)) {
            HttpResponse<String> other = w.send().apply(false);
            if (!refused(other)) {
                failures.add(w.name() + " for another organisation was let through: " + other.statusCode());
            }
            HttpResponse<String> own = w.send().apply(true);
            boolean permitted = w.roles().contains(role);
            if (refused(own) == permitted) {
                failures.add(w.name() + " for its own organisation: " + own.statusCode() + (permitted ? " refused" : " let through")
                        + " " + own.headers().firstValue("Location").orElse(""));
            }
            if (permitted && own.statusCode() >= 400 && own.statusCode() != 422) {
                failures.add(w.name() + " for its own organisation failed: " + own.statusCode());
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void withoutSignInTheStaffPagesAndTheirFormsAreClosed() {
        assertThat(get("/administration/maal").statusCode()).isEqualTo(302);
        assertThat(post("/administration/maal", "application/x-www-form-urlencoded", "sentence=x", null).statusCode()).isIn(302, 403);
        accounts.create("person", "Person", PASSWORD, "administrator", null);
        StaffSession session = StaffSession.signIn(base(), "person", PASSWORD);
        assertThat(session.get("/administration/maal").statusCode()).isEqualTo(200);
    }
}
