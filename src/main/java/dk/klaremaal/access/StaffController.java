package dk.klaremaal.access;

import java.security.Principal;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in for staff and the page they land on. */
@Controller
class StaffController {

    private final AccountService accounts;
    private final AccessPolicy access;

    private final org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> sso;

    StaffController(AccountService accounts, AccessPolicy access,
                    org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> sso) {
        this.accounts = accounts;
        this.access = access;
        this.sso = sso;
    }

    /** The single sign-on providers configured, as (registration id, name shown). */
    record Provider(String id, String name) {
    }

    /** The sign-in page; {@code vent}: how many seconds this address must wait before its next attempt ({@link SignInDelayFilter}). */
    @GetMapping("/log-ind")
    String signIn(@RequestParam(name = "vent", required = false) String wait, Model model) {
        if (wait != null && wait.matches("[0-9]{1,6}")) {
            model.addAttribute("wait", Integer.parseInt(wait));
        }
        List<Provider> providers = new java.util.ArrayList<>();
        if (sso.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        model.addAttribute("providers", providers);
        return "sign-in";
    }

    @GetMapping("/administration")
    String administration(Principal principal, Model model) {
        model.addAttribute("account", accounts.account(principal.getName()).orElseThrow());
        for (AccessPolicy.Action action : AccessPolicy.Action.values()) {
            model.addAttribute("may" + action.name().charAt(0) + action.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                    !access.organisations(action).isEmpty());
        }
        model.addAttribute("administersAll", access.allowsEverywhere(AccessPolicy.Action.ADMINISTER));
        return "administration";
    }

    /**
     * Creates the first administrator from configuration when there are no accounts yet, and gives the
     * configured account the configured password when it has none (as after {@link DemoCredentials}
     * removed the demo's). An account made while the demo runs is marked as the demo's.
     */
    @Component
    @Order(1)
    static class FirstAdministrator implements ApplicationRunner {

        private final AccountService accounts;
        private final String username;
        private final String password;
        private final boolean demo;

        FirstAdministrator(AccountService accounts, @Value("${klaremaal.first-admin.username:}") String username,
                           @Value("${klaremaal.first-admin.password:}") String password,
                           @Value("${klaremaal.demo.enabled:false}") boolean demo) {
            this.accounts = accounts;
            this.username = username;
            this.password = password;
            this.demo = demo;
        }

        @Override
        public void run(ApplicationArguments args) {
            if (username.isBlank() || password.isBlank()) {
                return;
            }
            if (accounts.count() == 0) {
                accounts.create(username, "Administrator", password, "administrator", null);
                accounts.markDemo(username, demo);
            } else {
                accounts.setPasswordIfNone(username, password);
            }
        }
    }
}
