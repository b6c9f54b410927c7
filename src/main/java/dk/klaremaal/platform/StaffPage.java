package dk.klaremaal.platform;

import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What the staff pages show when something does not exist, may not be done, or is refused as invalid. */
public abstract class StaffPage {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return refused("notfound.title", e.getMessage(), java.util.List.of(), model);
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenException e, Model model) {
        return refused("error.forbidden.title", e.getMessage(), java.util.List.of(), model);
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        return refused("staff.notSaved.title", null, e.problems(), model);
    }

    /** The page with its title from the message bundles and the reason, said in the page's language when it is a known one. */
    private static String refused(String titleKey, String message, java.util.List<InvalidInputException.FieldProblem> problems, Model model) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("message", message);
        model.addAttribute("problems", problems);
        return "admin/refused";
    }

    /** The signed-in person's user name, as actions are recorded by. */
    protected static String who(Principal principal) {
        return principal == null ? "ukendt" : principal.getName();
    }
}
