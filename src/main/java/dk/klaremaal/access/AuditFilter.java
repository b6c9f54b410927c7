package dk.klaremaal.access;

import dk.klaremaal.platform.RequestPaths;
import dk.klaremaal.platform.WatchedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every write to the API and to the staff pages in the audit log: who (the token or the
 * signed-in person), when, the method and path, the answer's status, the body's size, SHA-256 and
 * first characters (passwords and form tokens blanked), and the before/after of what the services
 * changed ({@link AuditTrail}). It runs inside the security filters, so the caller is known.
 *
 * <p>The request runs in one transaction, and its audit record is written in that transaction just
 * before it commits: the change and its record are stored together or not at all. The answer is held
 * back until then, so no client is told "stored" about a change whose commit failed. A request that
 * changed nothing (refused, failed, rolled back) is recorded afterwards on its own.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class AuditFilter extends OncePerRequestFilter {

    static final int EXCERPT = 4000;

    /** Form fields whose values are never written to the log. */
    private static final Pattern SECRET = Pattern.compile(".*(password|_csrf).*");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PlatformTransactionManager transactions;

    AuditFilter(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = RequestPaths.of(request);
        boolean audited = path.startsWith("/api/") || (path.startsWith("/administration/") && !path.endsWith("/forhaandsvisning"));
        return !audited || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Body body = new Body(request);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        boolean committed = false;
        int status = 500;
        try {
            chain.doFilter(body, answer);
            status = answer.getStatus();
            if (!transaction.isRollbackOnly()) {
                record(body, status);
                transactions.commit(transaction);
                committed = true;
            }
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            if (!committed) {
                record(body, status);
            }
        }
        answer.copyBodyToResponse();
    }

    private void record(Body body, int status) {
        String query = body.getQueryString();
        jdbc.sql("""
                        insert into audit_log (actor, method, path, status, content_type, body_bytes, body_sha256, body_excerpt, changes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(actor(), body.getMethod(), body.getRequestURI() + (query == null ? "" : "?" + query), status,
                        body.getContentType(), body.size(), body.sha256(), body.excerpt(), changes(body))
                .update();
    }

    private String changes(HttpServletRequest request) {
        Object changes = request.getAttribute(AuditTrail.ATTRIBUTE);
        if (changes == null) {
            return null;
        }
        String written;
        try {
            written = json.writeValueAsString(changes);
        } catch (RuntimeException e) {
            written = json.writeValueAsString(Map.of("error", "the changes could not be written: " + e.getMessage()));
        }
        // PostgreSQL's jsonb cannot hold U+0000; the record must not fail on a value that holds one.
        return written.replace("\\u0000", "\\ufffd");
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null || "anonymousUser".equals(auth.getPrincipal())
                ? "anonymous" : auth.getName();
    }

    /**
     * The request as the application reads it, with its body counted, hashed and its beginning kept
     * as it streams past, so an upload of any size is recorded in constant memory. A form's fields
     * are read by the container before this filter runs; they are recorded from the parameters.
     */
    private static final class Body extends WatchedRequest {

        private final Seen seen;

        Body(HttpServletRequest request) {
            this(request, new Seen());
        }

        private Body(HttpServletRequest request, Seen seen) {
            super(request, seen);
            this.seen = seen;
        }

        private boolean form() {
            String type = getContentType();
            return seen.read == 0 && type != null && type.startsWith("application/x-www-form-urlencoded");
        }

        long size() {
            // What arrived; the declared length only for a body refused before any of it was read.
            return form() ? formText().length() : seen.read > 0 ? seen.read : Math.max(0, getContentLengthLong());
        }

        /** Null when the body was not read to its end (a refused upload), or there is none. */
        String sha256() {
            if (form() || seen.read == 0 || seen.read < getContentLengthLong()) {
                return null;
            }
            return HexFormat.of().formatHex(seen.digest.digest());
        }

        String excerpt() {
            String text = form() ? formText() : new String(seen.start.toByteArray(), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return null;
            }
            // PostgreSQL's text cannot hold U+0000.
            text = text.replace('\u0000', '\ufffd');
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
        }

        private String formText() {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, String[]> field : getParameterMap().entrySet()) {
                for (String value : field.getValue()) {
                    if (!text.isEmpty()) {
                        text.append('&');
                    }
                    text.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                            .append(SECRET.matcher(field.getKey()).matches() ? "***" : URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
    }

    /** What of a body went past: its size, its hash so far and its first bytes. */
    private static final class Seen implements WatchedRequest.Watcher {

        private final MessageDigest digest;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream();
        private long read;

        Seen() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void read(byte[] buffer, int offset, int length, long waitedNanos) {
            digest.update(buffer, offset, length);
            read += length;
            int keep = Math.min(length, EXCERPT * 4 - start.size());
            if (keep > 0) {
                start.write(buffer, offset, keep);
            }
        }
    }
}
