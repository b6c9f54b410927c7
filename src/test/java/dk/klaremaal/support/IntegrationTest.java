package dk.klaremaal.support;

import dk.klaremaal.access.ApiTokenService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running application on the real test database, emptied before each test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final String INGEST_TOKEN = "test-ingest-token";
    protected static final String ADMIN_TOKEN = "test-admin-token";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ApiTokenService tokens;

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::username);
        // Tests call the API far faster than any client should; the limit itself has its own test.
        registry.add("klaremaal.rate-limit.burst", () -> "1000000");
        registry.add("klaremaal.rate-limit.sign-in-burst", () -> "1000000");
        // A delay after wrong passwords long enough that no test races it.
        registry.add("klaremaal.sign-in.first-delay-seconds", () -> "60");
        // Single sign-on through a real OpenID Connect provider running in the tests.
        registry.add("spring.security.oauth2.client.registration.sso.client-id", () -> IdentityProvider.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.sso.client-secret", () -> "test-secret");
        registry.add("spring.security.oauth2.client.registration.sso.client-name", () -> "Testorganisationens login");
        registry.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", IdentityProvider::issuer);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.empty(jdbc);
        tokens.register("ingest", INGEST_TOKEN, "ingest");
        tokens.register("admin", ADMIN_TOKEN, "admin");
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    protected HttpResponse<String> post(String path, String contentType, String body, String token) {
        return write("POST", path, contentType, body, token);
    }

    protected HttpResponse<String> put(String path, String contentType, String body, String token) {
        return write("PUT", path, contentType, body, token);
    }

    protected HttpResponse<String> delete(String path, String token) {
        return write("DELETE", path, "application/json", "", token);
    }

    private HttpResponse<String> write(String method, String path, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
