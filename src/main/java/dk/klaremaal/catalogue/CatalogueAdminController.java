package dk.klaremaal.catalogue;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.StaffPage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page for the catalogue: the organisations one administers, their case types, and new ones.
 * A refused form is shown again on the page with each field's problem (422).
 */
@Controller
class CatalogueAdminController extends StaffPage {

    private final CatalogueService catalogue;
    private final AccessPolicy access;
    private final MessageSource messages;
    private final StatedTimeService statedTimes;
    private final ServiceGoalService serviceGoals;

    CatalogueAdminController(CatalogueService catalogue, AccessPolicy access, MessageSource messages, StatedTimeService statedTimes,
                             ServiceGoalService serviceGoals) {
        this.statedTimes = statedTimes;
        this.serviceGoals = serviceGoals;
        this.catalogue = catalogue;
        this.access = access;
        this.messages = messages;
    }

    /** An organisation with its case types and their service goals (days by case type id). */
    record Entry(Organisation organisation, List<CaseType> caseTypes, java.util.Map<Long, Integer> serviceGoals) {
    }

    @GetMapping("/administration/katalog")
    String catalogue(Model model) {
        List<Organisation> mine = access.organisations(AccessPolicy.Action.ADMINISTER).stream().map(catalogue::organisation).toList();
        List<Entry> entries = mine.stream().map(o -> new Entry(o, catalogue.caseTypes(o), serviceGoals.ofOrganisation(o))).toList();
        model.addAttribute("entries", entries);
        java.util.Map<Long, StatedTime> stated = new java.util.HashMap<>();
        entries.forEach(e -> e.caseTypes().forEach(t -> statedTimes.stated(t).ifPresent(st -> stated.put(t.id(), st))));
        model.addAttribute("statedTimes", stated);
        model.addAttribute("everywhere", access.allowsEverywhere(AccessPolicy.Action.ADMINISTER));
        model.addAttribute("kinds", OrganisationKind.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "admin/catalogue";
    }

    @PostMapping("/administration/katalog/organisationer")
    String createOrganisation(@RequestParam(required = false) String parent, @RequestParam String kind, @RequestParam String slug,
                              @RequestParam String name, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return saved(() -> {
            Organisation created = catalogue.createOrganisation(new CatalogueService.NewOrganisation(
                    parent == null || parent.isBlank() ? null : parent, kind, slug, name, ClosingDays.NONE));
            return message("catalogue.created", created.name());
        }, redirect, model, response);
    }

    @PostMapping("/administration/katalog/organisationer/{slug}/navn")
    String rename(@PathVariable String slug, @RequestParam String name, RedirectAttributes redirect, Model model,
                  HttpServletResponse response) {
        return saved(() -> message("catalogue.renamed", catalogue.rename(catalogue.organisation(slug), name).name()), redirect, model,
                response);
    }

    @PostMapping("/administration/katalog/organisationer/{slug}/sagstyper")
    String createCaseType(@PathVariable String slug, @RequestParam String service, @RequestParam(required = false) String serviceName,
                          @RequestParam String code, @RequestParam String name, @RequestParam(defaultValue = "received") String clockStart,
                          @RequestParam(defaultValue = "false") boolean notAboutPersons, @RequestParam(defaultValue = "false") boolean open311Listed,
                          RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return saved(() -> message("catalogue.caseTypeCreated", catalogue.createCaseType(slug, new CatalogueService.NewCaseType(service,
                serviceName, code, name, clockStart, true, !notAboutPersons, open311Listed)).name()), redirect, model, response);
    }

    /** Declares whether a case type's cases concern persons and whether Open311 lists them. */
    @PostMapping("/administration/katalog/organisationer/{slug}/sagstyper/{code}/privatliv")
    String privacy(@PathVariable String slug, @PathVariable String code, @RequestParam(defaultValue = "false") boolean notAboutPersons,
                   @RequestParam(defaultValue = "false") boolean open311Listed, @RequestParam(defaultValue = "false") boolean sensitive,
                   RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return saved(() -> message("catalogue.privacySaved", catalogue.setPrivacy(catalogue.organisation(slug), code,
                new CatalogueService.Privacy(!notAboutPersons, open311Listed, sensitive)).name()), redirect, model, response);
    }

    /**
     * States the organisation's own estimate of a case type's processing time (the last step of the expected
     * time's fallback), or removes it when {@code days} is left empty; the signed-in person is named as its source.
     */
    @PostMapping("/administration/katalog/organisationer/{slug}/sagstyper/{code}/skoen")
    String statedTime(@PathVariable String slug, @PathVariable String code, @RequestParam(required = false) String days,
                      @RequestParam(defaultValue = "calendar") String dayUnit, java.security.Principal person, RedirectAttributes redirect,
                      Model model, HttpServletResponse response) {
        return saved(() -> {
            CaseType type = catalogue.caseType(catalogue.organisation(slug), code);
            Integer count = null;
            if (days != null && !days.isBlank()) {
                try {
                    count = Integer.valueOf(days.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(List.of(dk.klaremaal.platform.FieldLimits.Rule.NOT_WHOLE_NUMBER.problem("days", days.trim())));
                }
            }
            boolean kept = statedTimes.state(type, new StatedTimeService.Input(count, dayUnit, person == null ? null : person.getName()), null)
                    .isPresent();
            return message(kept ? "catalogue.statedTime.saved" : "catalogue.statedTime.removed", type.name());
        }, redirect, model, response);
    }

    /** Sets a case type's service goal in calendar days; an empty field removes it. */
    @PostMapping("/administration/katalog/organisationer/{slug}/sagstyper/{code}/servicemaal")
    String serviceGoal(@PathVariable String slug, @PathVariable String code, @RequestParam(required = false) String days,
                       RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return saved(() -> message("catalogue.serviceGoalSaved", serviceGoals.set(catalogue.organisation(slug), code, days).name()),
                redirect, model, response);
    }

    /** Saves, then shows the page with a message; or shows it again with the problems when the form is refused. */
    private String saved(Supplier<String> save, RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            redirect.addFlashAttribute("message", save.get());
            return "redirect:/administration/katalog";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", e.problems());
            model.addAttribute("fieldPrefix", "catalogue.field.");
            return catalogue(model);
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
