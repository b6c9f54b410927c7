package dk.klaremaal.goals;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.access.AccessPolicy.Action;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.StaffPage;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff pages for goals: the goals awaiting someone's action, the editor (with a live preview of
 * the sentence and the scale), a goal's own page with its approval steps, milestones and versions.
 */
@Controller
@RequestMapping("/administration/maal")
class GoalAdminController extends StaffPage {

    private final GoalService goals;
    private final CatalogueService catalogue;
    private final AccessPolicy access;

    private final MessageSource messages;

    GoalAdminController(GoalService goals, CatalogueService catalogue, AccessPolicy access, MessageSource messages) {
        this.goals = goals;
        this.catalogue = catalogue;
        this.access = access;
        this.messages = messages;
    }

    /** A goal in a list, with its organisation's name. */
    record Row(Goal goal, String organisation) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String organisation, Model model) {
        List<Organisation> readable = organisations(Action.READ);
        model.addAttribute("organisations", readable);
        model.addAttribute("editable", organisations(Action.EDIT));
        if (organisation != null && !organisation.isBlank()) {
            Organisation chosen = catalogue.organisation(organisation);
            access.check(Action.READ, chosen.id());
            model.addAttribute("chosen", chosen);
            model.addAttribute("unpublished", goals.unpublished(chosen).stream().map(g -> new Row(g, chosen.name())).toList());
            model.addAttribute("published", goals.goalsOf(chosen).stream().map(g -> new Row(g, chosen.name())).toList());
        } else {
            model.addAttribute("unpublished", readable.stream()
                    .flatMap(o -> goals.unpublished(o).stream().map(g -> new Row(g, o.name()))).toList());
            model.addAttribute("published", List.of());
        }
        return "admin/goals";
    }

    @GetMapping("/ny")
    String blank(@RequestParam(required = false) String organisation, Model model) {
        GoalInput input = new GoalInput(organisation, null, null, null, null, null, "year", null, null, null, null, null, null);
        return editor(input, null, List.of(), model);
    }

    @PostMapping
    String create(@ModelAttribute GoalInput form, Model model, HttpServletResponse response) {
        GoalInput input = GoalForm.clean(form);
        try {
            return "redirect:/administration/maal/" + goals.create(input).id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(input, null, e.problems(), model);
        }
    }

    /** The editor for a new version; while one awaits approval, the goal's page says so and links to it instead. */
    @GetMapping("/{id}/ret")
    String change(@PathVariable long id, Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Goal goal = goals.goal(id);
        access.check(Action.EDIT, goal.organisationId());
        if (goals.pendingVersion(goal).isPresent()) {
            redirect.addFlashAttribute("message", messages.getMessage("goal.pendingVersion", null, LocaleContextHolder.getLocale()));
            return "redirect:/administration/maal/" + id;
        }
        return editor(goals.asInput(goal), goal, List.of(), model);
    }

    @PostMapping("/{id}/ret")
    String saveChange(@PathVariable long id, @ModelAttribute GoalInput form, Model model, HttpServletResponse response) {
        GoalInput input = GoalForm.clean(form);
        try {
            return "redirect:/administration/maal/" + goals.newVersion(id, input).id();
        } catch (PendingVersionException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return editor(input, goals.goal(id), List.of(new InvalidInputException.FieldProblem("id",
                    messages.getMessage("goal.pendingVersion", null, LocaleContextHolder.getLocale()))), model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(input, goals.goal(id), e.problems(), model);
        }
    }

    /** The editor's live preview: the sentence and scale as they would read, and every problem, without storing anything. */
    @PostMapping("/forhaandsvisning")
    String preview(@ModelAttribute GoalInput form, Model model) {
        model.addAttribute("preview", goals.preview(GoalForm.clean(form)));
        return "admin/goal-preview :: preview";
    }

    @GetMapping("/{id}")
    String goal(@PathVariable long id, Model model) {
        Goal goal = goals.goal(id);
        access.check(Action.READ, goal.organisationId());
        model.addAttribute("goal", goal);
        model.addAttribute("organisation", catalogue.organisation(goal.organisationId()));
        model.addAttribute("earlier", goals.earlierVersions(goal));
        model.addAttribute("successor", goals.successor(goal).orElse(null));
        model.addAttribute("pending", goals.pendingVersion(goal).orElse(null));
        model.addAttribute("mayEdit", access.allows(Action.EDIT, goal.organisationId()));
        model.addAttribute("mayApprove", access.allows(Action.APPROVE, goal.organisationId()));
        model.addAttribute("mayReport", access.allows(Action.REPORT, goal.organisationId()));
        return "admin/goal";
    }

    @PostMapping("/{id}/tilstand")
    String state(@PathVariable long id, @RequestParam String state, Principal principal,
                 org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Goal changed = goals.changeState(id, state, who(principal));
        redirect.addFlashAttribute("message", "Målet er nu: " + switch (changed.state()) {
            case DRAFT -> "kladde";
            case SUBMITTED -> "sendt til godkendelse";
            case APPROVED -> "godkendt";
            case PUBLISHED -> "offentliggjort";
        } + ".");
        return "redirect:/administration/maal/" + id;
    }

    @PostMapping("/{id}/milepaele/{position}")
    String milestone(@PathVariable long id, @PathVariable int position, @RequestParam(required = false) String doneOn,
                     @RequestParam(required = false) String evidence, Principal principal) {
        goals.markMilestone(id, position, new GoalService.MilestoneProgress(doneOn, evidence, who(principal)), null);
        return "redirect:/administration/maal/" + id;
    }

    private String editor(GoalInput input, Goal changing, List<InvalidInputException.FieldProblem> problems, Model model) {
        model.addAttribute("form", GoalForm.padded(input));
        model.addAttribute("changing", changing);
        model.addAttribute("problems", problems);
        model.addAttribute("organisations", organisations(Action.EDIT));
        model.addAttribute("preview", goals.preview(input));
        return "admin/goal-editor";
    }

    private List<Organisation> organisations(Action action) {
        return access.organisations(action).stream().map(catalogue::organisation).toList();
    }
}
