package dk.klaremaal.publication;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The address of the current page in the other language, for the switch in every page's header. */
@ControllerAdvice(annotations = Controller.class)
class LanguageSwitch {

    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        String other = dk.klaremaal.platform.LanguageConfiguration.english() ? "da" : "en";
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query).replaceQueryParam("lang", other).build().toUriString();
    }
}
