package dk.klaremaal.catalogue;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations")
class CatalogueApiController {

    record OrganisationView(String slug, String name, String kind, String parent, ClosingDays closingDays, String region) {
    }

    record RegionInput(String region) {
    }

    record CaseTypeView(String code, String name, String clockStart, boolean excludePauses, boolean concernsPersons, boolean open311Listed,
                        boolean sensitive) {
    }

    private final CatalogueService catalogue;
    private final SourceService sources;

    CatalogueApiController(CatalogueService catalogue, SourceService sources) {
        this.catalogue = catalogue;
        this.sources = sources;
    }

    @GetMapping("/{slug}/surveys")
    List<Survey> surveys(@PathVariable String slug) {
        return sources.surveys(catalogue.organisation(slug));
    }

    @PostMapping("/{slug}/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Survey createSurvey(@PathVariable String slug, @RequestBody SourceService.NewSurvey input) {
        return sources.createSurvey(slug, input);
    }

    @GetMapping("/{slug}/systems")
    List<MonitoredSystem> systems(@PathVariable String slug) {
        return sources.systems(catalogue.organisation(slug));
    }

    @PostMapping("/{slug}/systems")
    @ResponseStatus(HttpStatus.CREATED)
    MonitoredSystem createSystem(@PathVariable String slug, @RequestBody SourceService.NewSystem input) {
        return sources.createSystem(slug, input);
    }

    @GetMapping("/{slug}/series")
    List<Series> series(@PathVariable String slug) {
        return sources.series(catalogue.organisation(slug));
    }

    @PostMapping("/{slug}/series")
    @ResponseStatus(HttpStatus.CREATED)
    Series createSeries(@PathVariable String slug, @RequestBody SourceService.NewSeries input) {
        return sources.createSeries(slug, input);
    }

    @GetMapping
    List<OrganisationView> organisations() {
        List<Organisation> all = catalogue.organisations();
        return all.stream().map(o -> view(o, all)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationView create(@RequestBody CatalogueService.NewOrganisation input) {
        Organisation created = catalogue.createOrganisation(input);
        return view(created, catalogue.organisations());
    }

    @org.springframework.web.bind.annotation.PutMapping("/{slug}/region")
    OrganisationView region(@PathVariable String slug, @RequestBody RegionInput input) {
        return view(catalogue.setRegion(catalogue.organisation(slug), input.region()), catalogue.organisations());
    }

    @GetMapping("/{slug}/case-types")
    List<CaseTypeView> caseTypes(@PathVariable String slug) {
        return catalogue.caseTypes(catalogue.organisation(slug)).stream().map(CatalogueApiController::view).toList();
    }

    @PostMapping("/{slug}/case-types")
    @ResponseStatus(HttpStatus.CREATED)
    CaseTypeView createCaseType(@PathVariable String slug, @RequestBody CatalogueService.NewCaseType input) {
        return view(catalogue.createCaseType(slug, input));
    }

    /** Declares whether the case type's cases concern persons and whether Open311 lists them. */
    @org.springframework.web.bind.annotation.PutMapping("/{slug}/case-types/{code}/privacy")
    CaseTypeView privacy(@PathVariable String slug, @PathVariable String code, @RequestBody CatalogueService.Privacy input) {
        return view(catalogue.setPrivacy(catalogue.organisation(slug), code, input));
    }

    private static OrganisationView view(Organisation o, List<Organisation> all) {
        String parent = o.parentId() == null ? null
                : all.stream().filter(p -> p.id() == o.parentId()).map(Organisation::slug).findFirst().orElse(null);
        return new OrganisationView(o.slug(), o.name(), o.kind().code(), parent, o.closingDays(),
                o.region() == null ? null : o.region().code());
    }

    private static CaseTypeView view(CaseType t) {
        return new CaseTypeView(t.code(), t.name(), t.clockStart().code(), t.excludePauses(), t.concernsPersons(), t.open311Listed(),
                t.sensitive());
    }
}
