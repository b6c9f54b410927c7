package dk.klaremaal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Names, codes and lists of the catalogue have documented limits, refused with the field and why and never stored. */
class CatalogueLimitsIT extends IntegrationTest {

    @BeforeEach
    void organisation() {
        var created = post("/api/v1/organisations", "application/json", """
                {"kind":"municipality","slug":"testby-kommune","name":"Testby Kommune"}""", ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private List<String> refused(String path, String body) {
        HttpResponse<String> answer = post(path, "application/json", body, ADMIN_TOKEN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        json(answer).get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("reason").asString()));
        return errors;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void organisationNamesAndSlugs() {
        String megabyte = "x".repeat(1_000_000);
        assertThat(refused("/api/v1/organisations", """
                {"kind":"municipality","slug":"stor-kommune","name":"%s"}""".formatted(megabyte)))
                .containsExactly("name: must be at most 200 characters long");
        assertThat(refused("/api/v1/organisations", """
                {"kind":"municipality","slug":"nul-kommune","name":"Nul\\u0000 Kommune"}"""))
                .containsExactly("name: must not contain control characters such as NUL, tab or line breaks");
        assertThat(refused("/api/v1/organisations", """
                {"kind":"municipality","slug":"%s","name":"Lang"}""".formatted("a".repeat(81))))
                .containsExactly("slug: must be at most 80 characters long");
        assertThat(refused("/api/v1/organisations", """
                {"kind":"%s","slug":"lang-type","name":"Lang"}""".formatted(megabyte)).getFirst()).hasSizeLessThan(300);
        assertThat(count("organisation")).isEqualTo(1);
    }

    @Test
    void caseTypesServicesAndSources() {
        assertThat(refused("/api/v1/organisations/testby-kommune/case-types", """
                {"service":"byg","serviceName":"Byg\\tning","code":"byg","name":"%s"}""".formatted("n".repeat(201))))
                .containsExactlyInAnyOrder("serviceName: must not contain control characters such as NUL, tab or line breaks",
                        "name: must be at most 200 characters long");
        StringBuilder questions = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            questions.append(i == 0 ? "" : ",").append("{\"code\":\"q").append(i).append("\",\"text\":\"Spørgsmål\"}");
        }
        assertThat(refused("/api/v1/organisations/testby-kommune/surveys", """
                {"code":"tilfredshed","name":"Tilfredshed","labels":["Nej","Ja\\u0000"],"questions":[%s]}""".formatted(questions)))
                .containsExactlyInAnyOrder("labels[1]: must not contain control characters such as NUL, tab or line breaks",
                        "questions: must have at most 50 items");
        assertThat(refused("/api/v1/organisations/testby-kommune/systems", """
                {"code":"selvbetjening","name":"Selvbetjening","monitoredFrom":"0001-01-01"}"""))
                .containsExactly("monitoredFrom: must be from 1990-01-01 to 2100-12-31");
        assertThat(refused("/api/v1/organisations/testby-kommune/series", """
                {"code":"%s","name":"Serie"}""".formatted("s".repeat(81))))
                .containsExactly("code: must be at most 80 characters long");
        assertThat(count("case_type") + count("service") + count("survey") + count("monitored_system") + count("series")).isZero();
    }
}
