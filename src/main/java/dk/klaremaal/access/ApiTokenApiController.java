package dk.klaremaal.access;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating, listing and revoking API tokens, for the organisations the caller administers. */
@RestController
class ApiTokenApiController {

    record TokenInput(String name, String scope, String organisation) {
    }

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/tokens")
    List<ApiTokenService.TokenView> list() {
        return tokens.visible();
    }

    /** Returns the new token's secret: it is shown this once. */
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.NewToken create(@RequestBody TokenInput input, Principal sender) {
        return tokens.issue(input.name(), input.scope(), input.organisation(), sender.getName());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revokeChecked(id);
    }
}
