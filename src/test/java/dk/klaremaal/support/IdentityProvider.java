package dk.klaremaal.support;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) running in the test JVM, which the
 * application signs staff in through. {@link #nextSignIn} decides who the next person to sign in is.
 */
public final class IdentityProvider {

    public static final String ISSUER = "klaremaal-test-idp";
    public static final String CLIENT_ID = "klaremaal";

    private static MockOAuth2Server server;

    private IdentityProvider() {
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return server().issuerUrl(ISSUER).toString();
    }

    /** The next sign-in through the provider is this person, sending {@code preferred_username}. */
    public static void nextSignIn(String username) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-" + username, "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", username, "name", username), 3600));
    }
}
