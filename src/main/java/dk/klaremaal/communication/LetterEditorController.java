package dk.klaremaal.communication;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The receipt-letter editor. The page itself is public; reading and saving go through the API
 * with the admin token the user enters, which stays in the browser tab's session storage.
 */
@Controller
class LetterEditorController {

    @GetMapping("/redigering/breve")
    String editor(Model model) {
        model.addAttribute("placeholders", LetterTemplate.PLACEHOLDERS);
        return "letter-editor";
    }
}
