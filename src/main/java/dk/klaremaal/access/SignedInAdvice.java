package dk.klaremaal.access;

import java.security.Principal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, so the header can offer the administration and signing out. */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null || principal instanceof AnonymousAuthenticationToken || principal instanceof ApiPrincipal
                ? null : principal.getName();
    }
}
