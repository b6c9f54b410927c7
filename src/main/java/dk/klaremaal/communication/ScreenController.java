package dk.klaremaal.communication;

import dk.klaremaal.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Screen mode: a full-screen page for a display in a citizen service centre. It renders on the
 * server and then refreshes its rows from {@code /api/v1/organisations/{slug}/screen} on its own,
 * without reloading, needing no mouse or keyboard.
 */
@Controller
class ScreenController {

    private final ScreenService screens;

    ScreenController(ScreenService screens) {
        this.screens = screens;
    }

    /** The fewest and most seconds between two refreshes of a screen. */
    static final int FEWEST_SECONDS = 10;
    static final int MOST_SECONDS = 3600;

    @GetMapping("/skaerm/{slug}")
    String screen(@PathVariable String slug, @RequestParam(required = false) String service,
                  @RequestParam(defaultValue = "60") int interval, Model model) {
        if (interval < FEWEST_SECONDS || interval > MOST_SECONDS) {
            throw new InvalidInputException("interval", "must be between " + FEWEST_SECONDS + " and " + MOST_SECONDS);
        }
        model.addAttribute("screen", screens.screen(slug, service));
        model.addAttribute("service", service == null ? "" : service);
        model.addAttribute("interval", interval);
        return "screen";
    }

    @GetMapping("/api/v1/organisations/{slug}/screen")
    @ResponseBody
    ScreenService.Screen data(@PathVariable String slug, @RequestParam(required = false) String service) {
        return screens.screen(slug, service);
    }
}
