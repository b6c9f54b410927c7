package dk.klaremaal.access;

import java.security.Principal;

/** Who is calling through an API token: its name, scope and, for a limited token, the organisation it is limited to. */
public record ApiPrincipal(long tokenId, String tokenName, String scope, Long organisationId) implements Principal {

    @Override
    public String getName() {
        return "token:" + tokenName;
    }
}
