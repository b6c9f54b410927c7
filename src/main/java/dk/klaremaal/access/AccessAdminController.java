package dk.klaremaal.access;

import dk.klaremaal.platform.StaffPage;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for administrators: API tokens, accounts and their roles, and the audit log. */
@Controller
class AccessAdminController extends StaffPage {

    private final ApiTokenService tokens;
    private final AccountService accounts;
    private final AccessPolicy access;
    private final AuditLog audit;

    AccessAdminController(ApiTokenService tokens, AccountService accounts, AccessPolicy access, AuditLog audit) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/administration/noegler")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.visible());
        model.addAttribute("organisations", access.choices(AccessPolicy.Action.ADMINISTER));
        model.addAttribute("everywhere", access.allowsEverywhere(AccessPolicy.Action.ADMINISTER));
        return "admin/tokens";
    }

    /** The new token's secret is shown on the page this once; only its hash is kept. */
    @PostMapping("/administration/noegler")
    String issue(@RequestParam String name, @RequestParam String scope, @RequestParam(required = false) String organisation,
                 Principal principal, Model model) {
        model.addAttribute("created", tokens.issue(name, scope, organisation, who(principal)));
        return tokens(model);
    }

    @PostMapping("/administration/noegler/{id}/spaer")
    String revoke(@PathVariable long id) {
        tokens.revokeChecked(id);
        return "redirect:/administration/noegler";
    }

    @GetMapping("/administration/konti")
    String accounts(Model model) {
        model.addAttribute("accounts", accounts.listed());
        model.addAttribute("organisations", access.choices(AccessPolicy.Action.ADMINISTER));
        model.addAttribute("everywhere", access.allowsEverywhere(AccessPolicy.Action.ADMINISTER));
        model.addAttribute("roles", AccessPolicy.Role.values());
        return "admin/accounts";
    }

    @PostMapping("/administration/konti")
    String open(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) String password,
                @RequestParam String role, @RequestParam(required = false) String organisation, RedirectAttributes redirect) {
        accounts.open(username, displayName, password, role, organisation);
        redirect.addFlashAttribute("message", "Kontoen " + username + " er oprettet.");
        return "redirect:/administration/konti";
    }

    @PostMapping("/administration/konti/{username}/roller")
    String grant(@PathVariable String username, @RequestParam String role, @RequestParam(required = false) String organisation,
                 @RequestParam(defaultValue = "give") String change) {
        if (change.equals("withdraw")) {
            accounts.withdraw(username, role, organisation);
        } else {
            accounts.grant(username, role, organisation);
        }
        return "redirect:/administration/konti";
    }

    @GetMapping("/administration/revisionsspor")
    String audit(@RequestParam(defaultValue = "200") int limit, Model model) {
        var entries = audit.entries(limit);
        model.addAttribute("entries", entries.stream().map(e -> new Shown(e, audit.fieldChanges(e))).toList());
        return "admin/audit";
    }

    @GetMapping("/administration/revisionsspor.csv")
    ResponseEntity<String> auditCsv(@RequestParam(defaultValue = "100000") int limit) {
        return AuditApiController.csvAnswer(audit.csv(limit));
    }

    /** An audit-log entry with the fields it changed. */
    record Shown(AuditLog.Entry entry, java.util.List<AuditLog.FieldChange> changes) {
    }
}
