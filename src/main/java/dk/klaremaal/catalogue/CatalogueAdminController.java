package dk.klaremaal.catalogue;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.platform.StaffPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff page for the catalogue: the organisations one administers, their case types, and new ones. */
@Controller
class CatalogueAdminController extends StaffPage {

    private final CatalogueService catalogue;
    private final AccessPolicy access;

    CatalogueAdminController(CatalogueService catalogue, AccessPolicy access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    /** An organisation with its case types. */
    record Entry(Organisation organisation, List<CaseType> caseTypes) {
    }

    @GetMapping("/administration/katalog")
    String catalogue(Model model) {
        List<Organisation> mine = access.organisations(AccessPolicy.Action.ADMINISTER).stream().map(catalogue::organisation).toList();
        model.addAttribute("entries", mine.stream().map(o -> new Entry(o, catalogue.caseTypes(o))).toList());
        model.addAttribute("everywhere", access.allowsEverywhere(AccessPolicy.Action.ADMINISTER));
        model.addAttribute("kinds", OrganisationKind.values());
        return "admin/catalogue";
    }

    @PostMapping("/administration/katalog/organisationer")
    String createOrganisation(@RequestParam(required = false) String parent, @RequestParam String kind, @RequestParam String slug,
                              @RequestParam String name, RedirectAttributes redirect) {
        Organisation created = catalogue.createOrganisation(new CatalogueService.NewOrganisation(
                parent == null || parent.isBlank() ? null : parent, kind, slug, name, ClosingDays.NONE));
        redirect.addFlashAttribute("message", created.name() + " er oprettet.");
        return "redirect:/administration/katalog";
    }

    @PostMapping("/administration/katalog/organisationer/{slug}/navn")
    String rename(@PathVariable String slug, @RequestParam String name, RedirectAttributes redirect) {
        Organisation renamed = catalogue.rename(catalogue.organisation(slug), name);
        redirect.addFlashAttribute("message", "Organisationen hedder nu " + renamed.name() + ".");
        return "redirect:/administration/katalog";
    }

    @PostMapping("/administration/katalog/organisationer/{slug}/sagstyper")
    String createCaseType(@PathVariable String slug, @RequestParam String service, @RequestParam(required = false) String serviceName,
                          @RequestParam String code, @RequestParam String name, @RequestParam(defaultValue = "received") String clockStart,
                          RedirectAttributes redirect) {
        CaseType created = catalogue.createCaseType(slug, new CatalogueService.NewCaseType(service, serviceName, code, name, clockStart, true));
        redirect.addFlashAttribute("message", "Sagstypen " + created.name() + " er oprettet.");
        return "redirect:/administration/katalog";
    }
}
