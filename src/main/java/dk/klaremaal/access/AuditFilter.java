package dk.klaremaal.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Records every write to the API and to the staff pages in the audit log after it is answered: who (the
 * token or the signed-in person), when, the method and path, the answer's status, the body's size,
 * SHA-256 (up to 8 MB) and first characters (passwords and form tokens blanked), and the before/after
 * of what the services changed ({@link AuditTrail}). It runs inside the security filters, so the caller is known.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class AuditFilter extends OncePerRequestFilter {

    static final int EXCERPT = 4000;
    /** Bodies are kept in memory for the hash up to this size; larger uploads are recorded by size only. */
    static final int HASHED = 8 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    AuditFilter(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        boolean audited = path.startsWith("/api/") || (path.startsWith("/administration/") && !path.endsWith("/forhaandsvisning"));
        return !audited || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper wrapped = new ContentCachingRequestWrapper(request, HASHED);
        try {
            chain.doFilter(wrapped, response);
        } finally {
            byte[] body = wrapped.getContentAsByteArray();
            long size = Math.max(body.length, request.getContentLengthLong());
            boolean whole = size == body.length;
            String excerpt = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8);
            if (request.getContentType() != null && request.getContentType().startsWith("application/x-www-form-urlencoded")) {
                excerpt = SECRETS.matcher(excerpt).replaceAll("$1=***");
            }
            if (excerpt.length() > EXCERPT) {
                excerpt = excerpt.substring(0, EXCERPT);
            }
            String query = request.getQueryString();
            jdbc.sql("""
                            insert into audit_log (actor, method, path, status, content_type, body_bytes, body_sha256, body_excerpt, changes)
                            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(actor(), request.getMethod(), request.getRequestURI() + (query == null ? "" : "?" + query), response.getStatus(),
                            request.getContentType(), size, body.length == 0 || !whole ? null : sha256(body), body.length == 0 ? null : excerpt,
                            changes(request))
                    .update();
        }
    }

    /** Form fields whose values are never written to the log. */
    private static final java.util.regex.Pattern SECRETS = java.util.regex.Pattern.compile("((?:^|(?<=&))[^=&]*(?:password|_csrf)[^=&]*)=[^&]*");

    private String changes(HttpServletRequest request) {
        Object changes = request.getAttribute(AuditTrail.ATTRIBUTE);
        if (changes == null) {
            return null;
        }
        try {
            return json.writeValueAsString(changes);
        } catch (RuntimeException e) {
            return json.writeValueAsString(java.util.Map.of("error", "the changes could not be written: " + e.getMessage()));
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null || "anonymousUser".equals(auth.getPrincipal())
                ? "anonymous" : auth.getName();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
