package dk.klaremaal.access;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on by OpenID Connect: the identity provider (or the public sector's broker) says who the
 * person is; Klaremål lets them in only if an administrator has opened an account with that user name,
 * and gives them that account's roles. The claim read as user name is configurable
 * ({@code klaremaal.oidc.username-claim}, default {@code preferred_username}).
 */
@Component
class SingleSignOn extends OidcUserService {

    private final AccountService accounts;
    private final String claim;

    SingleSignOn(AccountService accounts, @Value("${klaremaal.oidc.username-claim:preferred_username}") String claim) {
        this.accounts = accounts;
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        String name = user.getClaimAsString(claim);
        if (name == null || name.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("no_username",
                    "The identity provider did not send the claim " + claim + ", which Klaremål reads as the user name", null));
        }
        AccountService.Account account = accounts.account(name.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new OAuth2AuthenticationException(new OAuth2Error("no_account",
                        "No Klaremål account is named " + name + "; an administrator must open one first", null)));
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.role().toUpperCase(Locale.ROOT))).distinct().toList();
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), claim);
    }
}
