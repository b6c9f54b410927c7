package dk.klaremaal.demo;

import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.CatalogueService.NewCaseType;
import dk.klaremaal.catalogue.CatalogueService.NewOrganisation;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.SourceService;
import dk.klaremaal.goals.GoalInput;
import dk.klaremaal.goals.GoalService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example goals from the source material as the admin API takes them ({@code demo/seed.json}):
 * organisations, case types, surveys, monitored systems, reported series and goals, without data.
 */
@Component
public class DemoSeed {

    record Seed(List<NewOrganisation> organisations, List<SeedCaseType> caseTypes, List<SeedSurvey> surveys, List<SeedSystem> systems,
                List<SeedSeries> series, List<GoalInput> goals) {
    }

    record SeedCaseType(String organisation, String service, String serviceName, String code, String name, String clockStart,
                        Boolean excludePauses, Boolean concernsPersons, Boolean open311Listed) {
    }

    record SeedSurvey(String organisation, String code, String name, List<String> labels, List<SourceService.NewQuestion> questions) {
    }

    record SeedSystem(String organisation, String code, String name, String monitoredFrom, String monitoredTo) {
    }

    record SeedSeries(String organisation, String code, String name, String unit, String aggregation) {
    }

    private final CatalogueService catalogue;
    private final SourceService sources;
    private final GoalService goals;
    private final JsonMapper json;

    DemoSeed(CatalogueService catalogue, SourceService sources, GoalService goals, JsonMapper json) {
        this.catalogue = catalogue;
        this.sources = sources;
        this.goals = goals;
        this.json = json;
    }

    /** Creates every organisation, case type, source and goal of the seed file through the same services as the API. */
    public void define() {
        Seed seed;
        try (InputStream in = new ClassPathResource("demo/seed.json").getInputStream()) {
            seed = json.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seed.organisations().forEach(o -> catalogue.createOrganisation(
                new NewOrganisation(o.parent(), o.kind(), o.slug(), o.name(), o.closingDays() == null ? ClosingDays.NONE : o.closingDays())));
        seed.caseTypes().forEach(t -> catalogue.createCaseType(t.organisation(),
                new NewCaseType(t.service(), t.serviceName(), t.code(), t.name(), t.clockStart(), t.excludePauses(),
                        t.concernsPersons(), t.open311Listed())));
        seed.surveys().forEach(s -> sources.createSurvey(s.organisation(), new SourceService.NewSurvey(s.code(), s.name(), s.labels(), s.questions())));
        seed.systems().forEach(s -> sources.createSystem(s.organisation(),
                new SourceService.NewSystem(s.code(), s.name(), s.monitoredFrom(), s.monitoredTo())));
        seed.series().forEach(s -> sources.createSeries(s.organisation(), new SourceService.NewSeries(s.code(), s.name(), s.unit(), s.aggregation())));
        seed.goals().forEach(goals::create);
    }
}
