package dk.klaremaal.plans;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.access.AccessPolicy.Action;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.StaffPage;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for performance plans: write a plan and change it, follow up on milestones, and decide assessments. */
@Controller
@RequestMapping("/administration/planer")
class PlanAdminController extends StaffPage {

    /** A problem of the editor's form: the field in words, the element to jump to, and why. */
    public record ProblemView(String label, String anchor, String reason) {
    }

    private final PlanService plans;
    private final CatalogueService catalogue;
    private final GoalService goals;
    private final AccessPolicy access;
    private final Clock clock;

    PlanAdminController(PlanService plans, CatalogueService catalogue, GoalService goals, AccessPolicy access, Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.goals = goals;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("plans", plans.plansOf(access.organisations(Action.READ)));
        model.addAttribute("editable", access.choices(Action.EDIT));
        model.addAttribute("nextYear", LocalDate.now(clock).getYear() + 1);
        return "admin/plans";
    }

    /** A new plan: last year's plan to start from when there is one. */
    @GetMapping("/ny")
    String blank(@RequestParam String organisation, @RequestParam int year) {
        return "redirect:/administration/planer/" + catalogue.organisation(organisation).slug() + "/" + year + "/ret";
    }

    @GetMapping("/{slug}/{year:\\d{4}}")
    String plan(@PathVariable String slug, @PathVariable int year, Model model) {
        PlanService.PlanView view = plans.view(slug, year, null);
        long organisation = view.plan().organisation().id();
        access.check(Action.READ, organisation);
        model.addAttribute("view", view);
        model.addAttribute("mayEdit", access.allows(Action.EDIT, organisation));
        model.addAttribute("mayReport", access.allows(Action.REPORT, organisation));
        model.addAttribute("mayApprove", access.allows(Action.APPROVE, organisation));
        return "admin/plan";
    }

    @GetMapping("/{slug}/{year:\\d{4}}/ret")
    String edit(@PathVariable String slug, @PathVariable int year, Model model) {
        Organisation organisation = catalogue.organisation(slug);
        access.check(Action.EDIT, organisation.id());
        PlanService.VersionInput input;
        Plan plan = plans.find(slug, year).orElse(null);
        if (plan != null) {
            // Today, kept within the plan's year and not before the current version.
            LocalDate today = LocalDate.now(clock);
            LocalDate from = today.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : today;
            from = from.isBefore(plan.current().validFrom()) ? plan.current().validFrom() : from;
            input = new PlanService.VersionInput(from.toString(), null, plan.current().content());
        } else {
            input = new PlanService.VersionInput(year + "-01-01", null, startingPoint(slug, year));
        }
        return editor(organisation, year, input, List.of(), model);
    }

    /** Last year's plan with this year's title, or an empty plan. */
    private PlanContent startingPoint(String slug, int year) {
        return plans.find(slug, year - 1).map(Plan::current).map(Plan.Version::content)
                .map(last -> new PlanContent("Mål- og resultatplan " + year, last.mission(), last.vision(), last.bearings(), last.goals().stream()
                        .map(g -> new PlanContent.PlanGoal(g.code(), g.bearing(), g.title(), g.description(), List.of(), g.kpis())).toList(),
                        last.rule()))
                .orElseGet(() -> new PlanContent("Mål- og resultatplan " + year, null, null, List.of(), List.of(), null));
    }

    @PostMapping("/{slug}/{year:\\d{4}}/ret")
    String save(@PathVariable String slug, @PathVariable int year, @ModelAttribute PlanService.VersionInput form, Principal principal,
                Model model, RedirectAttributes redirect) {
        PlanService.VersionInput input = PlanForm.clean(form);
        try {
            Plan saved = plans.save(slug, year, input, who(principal));
            redirect.addFlashAttribute("message", "Version " + saved.current().number() + " af planen er gemt og offentliggjort.");
            return "redirect:/administration/planer/" + slug + "/" + year;
        } catch (InvalidInputException e) {
            return editor(catalogue.organisation(slug), year, input, e.problems(), model);
        }
    }

    private String editor(Organisation organisation, int year, PlanService.VersionInput input, List<InvalidInputException.FieldProblem> problems,
                          Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("year", year);
        model.addAttribute("existing", plans.find(organisation.slug(), year).orElse(null));
        model.addAttribute("form", new PlanService.VersionInput(input.validFrom(), input.reason(), PlanForm.padded(input.content())));
        model.addAttribute("problems", problems.stream()
                .map(p -> new ProblemView(PlanForm.label(p.field()), PlanForm.id(p.field()), p.reason())).toList());
        model.addAttribute("kpiGoals", goals.goalsOf(organisation).stream().filter(g -> g.code() != null).toList());
        return "admin/plan-editor";
    }

    @PostMapping("/{slug}/{year:\\d{4}}/opfoelgning/{milestone}")
    String followUp(@PathVariable String slug, @PathVariable int year, @PathVariable String milestone, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String value, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String reportedBy, RedirectAttributes redirect) {
        FollowUp saved = plans.followUp(slug, year, milestone, new PlanService.FollowUpInput(status, number(value), comment, reportedBy));
        redirect.addFlashAttribute("message", "Opfølgningen på milepæl " + milestone + " er gemt: "
                + switch (saved.status()) {
                    case REACHED -> "nået";
                    case PARTLY_REACHED -> "delvist nået";
                    case NOT_REACHED -> "ikke nået";
                } + ".");
        return "redirect:/administration/planer/" + slug + "/" + year + "#milepael-" + milestone;
    }

    /** A number as staff type it: 2900, 38,5 or 38.5; empty is none. */
    private static BigDecimal number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "'" + value + "' is not a number such as 2900 or 38,5");
        }
    }

    @PostMapping("/{slug}/{year:\\d{4}}/vurdering/{goal}")
    String override(@PathVariable String slug, @PathVariable int year, @PathVariable String goal, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String justification, Principal principal, RedirectAttributes redirect) {
        plans.override(slug, year, goal, new PlanService.OverrideInput(status, justification), who(principal));
        redirect.addFlashAttribute("message", "Vurderingen af mål " + goal + " er gemt og vises med begrundelsen på planens side.");
        return "redirect:/administration/planer/" + slug + "/" + year + "#vurdering-" + goal;
    }

    @PostMapping("/{slug}/{year:\\d{4}}/vurdering/{goal}/fjern")
    String removeOverride(@PathVariable String slug, @PathVariable int year, @PathVariable String goal, RedirectAttributes redirect) {
        plans.removeOverride(slug, year, goal);
        redirect.addFlashAttribute("message", "Mål " + goal + " vurderes igen efter planens regel.");
        return "redirect:/administration/planer/" + slug + "/" + year + "#vurdering-" + goal;
    }
}
