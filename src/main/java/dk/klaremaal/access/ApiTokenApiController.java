package dk.klaremaal.access;

import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import dk.klaremaal.platform.NotFoundException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating, listing and revoking API tokens (admin tokens without a limit only). */
@RestController
class ApiTokenApiController {

    record TokenInput(String name, String scope, String organisation) {
    }

    private final ApiTokenService tokens;
    private final AccessPolicy access;
    private final JdbcClient jdbc;

    ApiTokenApiController(ApiTokenService tokens, AccessPolicy access, JdbcClient jdbc) {
        this.tokens = tokens;
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/tokens")
    List<ApiTokenService.TokenView> list() {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "list API tokens");
        return tokens.list();
    }

    /** Returns the new token's secret: it is shown this once. */
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokenService.NewToken create(@RequestBody TokenInput input, Principal sender) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "create API tokens");
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new FieldProblem("name", "name the token after the system or person that uses it"));
        }
        if (input.scope() == null || !List.of("read", "ingest", "admin").contains(input.scope())) {
            problems.add(new FieldProblem("scope", "is read, ingest or admin"));
        }
        Long organisationId = null;
        if (input.organisation() != null && !input.organisation().isBlank()) {
            organisationId = jdbc.sql("select id from organisation where slug = ?").param(input.organisation()).query(Long.class).optional()
                    .orElse(null);
            if (organisationId == null) {
                problems.add(new FieldProblem("organisation", "no organisation with slug '" + input.organisation() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return tokens.create(input.name().trim(), input.scope(), organisationId, input.organisation(), sender.getName());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "revoke API tokens");
        if (!tokens.revoke(id)) {
            throw new NotFoundException("No active API token with id " + id);
        }
    }
}
