package dk.klaremaal.publication;

import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What public pages show when what was asked for does not exist or cannot be read. */
public abstract class PageController {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    protected String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    protected String invalid(InvalidInputException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
