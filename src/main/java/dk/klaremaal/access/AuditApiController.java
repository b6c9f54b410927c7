package dk.klaremaal.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators with unlimited tokens: newest first, as JSON or CSV. */
@RestController
class AuditApiController {

    record Entry(long id, Instant at, String actor, String method, String path, int status, String contentType, long bodyBytes,
                 String bodySha256, String bodyExcerpt) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;

    AuditApiController(JdbcClient jdbc, AccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    private List<Entry> entries(int limit) {
        access.checkUnlimited("read the audit log");
        return jdbc.sql("select * from audit_log order by id desc limit ?").param(Math.max(1, Math.min(limit, 100_000)))
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("content_type"), rs.getLong("body_bytes"),
                        rs.getString("body_sha256"), rs.getString("body_excerpt")))
                .list();
    }

    @GetMapping("/api/v1/audit")
    List<Entry> json(@RequestParam(defaultValue = "1000") int limit) {
        return entries(limit);
    }

    @GetMapping("/api/v1/audit.csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "100000") int limit) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "at", "actor", "method", "path", "status",
                "content_type", "body_bytes", "body_sha256", "body_excerpt").get())) {
            for (Entry e : entries(limit)) {
                printer.printRecord(e.id(), e.at(), e.actor(), e.method(), e.path(), e.status(), e.contentType(), e.bodyBytes(), e.bodySha256(),
                        e.bodyExcerpt());
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"").body(out.toString());
    }
}
