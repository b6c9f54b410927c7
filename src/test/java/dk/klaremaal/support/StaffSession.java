package dk.klaremaal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person signed in with a password, sending the staff pages' forms as a browser would (session cookie and CSRF token). */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private StaffSession(String base) {
        this.base = base;
    }

    public static StaffSession signIn(String base, String username, String password) {
        StaffSession session = new StaffSession(base);
        HttpResponse<String> answer = session.form("/log-ind", Map.of("username", username, "password", password));
        String location = answer.headers().firstValue("Location").orElse("");
        if (!location.endsWith("/administration")) {
            throw new AssertionError(username + " could not sign in: " + answer.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form with the session's CSRF token, as read from a page. */
    public HttpResponse<String> form(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a file upload (multipart) with the session's CSRF token. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----klaremaal" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf());
        all.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /**
     * Calls the API as the signed-in person: the session cookie and, if asked, the CSRF token the letter editor page carries,
     * and any further headers (name, value, name, value …).
     */
    public HttpResponse<String> api(String method, String path, String json, boolean withCsrf, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (withCsrf) {
            Matcher m = Pattern.compile("data-csrf-header=\"([^\"]+)\" data-csrf=\"([^\"]+)\"").matcher(get("/redigering/breve").body());
            if (!m.find()) {
                throw new AssertionError("the letter editor carries no CSRF token for a signed-in person");
            }
            request.header(m.group(1), m.group(2));
        }
        return send(request.build());
    }

    private String csrf() {
        Matcher m = CSRF.matcher(get("/log-ind").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
