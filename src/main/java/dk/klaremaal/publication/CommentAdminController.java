package dk.klaremaal.publication;

import dk.klaremaal.platform.StaffPage;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The institution's comment on a goal's result for a period, written on the goal's staff page and shown in the reports. */
@Controller
class CommentAdminController extends StaffPage {

    private final ReportService reports;

    CommentAdminController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/administration/maal/{id}/kommentarer")
    String comment(@PathVariable long id, @RequestParam String period, @RequestParam String comment, Principal principal,
                   org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        reports.comment(id, period, new ReportService.CommentInput(comment, who(principal)), null);
        redirect.addFlashAttribute("message", "Kommentaren til " + period + " er gemt og vises i opfølgningsrapporten.");
        return "redirect:/administration/maal/" + id;
    }
}
