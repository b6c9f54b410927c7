package dk.klaremaal.access;

import dk.klaremaal.platform.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit log, newest first, for administrators of all organisations: as records, CSV, and field-by-field changes. */
@Component
public class AuditLog {

    public record Entry(long id, Instant at, String actor, String method, String path, int status, String contentType, long bodyBytes,
                        String bodySha256, String bodyExcerpt, String changes) {
    }

    /** One field of one changed thing, before and after, as JSON text (null = absent). */
    public record FieldChange(String entity, String id, String field, String before, String after) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, AccessPolicy access, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
    }

    public List<Entry> entries(int limit) {
        access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "read the audit log");
        return jdbc.sql("select * from audit_log order by id desc limit ?").param(Math.max(1, Math.min(limit, 100_000)))
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("content_type"), rs.getLong("body_bytes"),
                        rs.getString("body_sha256"), rs.getString("body_excerpt"), rs.getString("changes")))
                .list();
    }

    public String csv(int limit) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "at", "actor", "method", "path", "status",
                "content_type", "body_bytes", "body_sha256", "body_excerpt", "changes").get())) {
            for (Entry e : entries(limit)) {
                // Actor, path, content type and body come from callers: no cell may reach a spreadsheet as a formula.
                printer.printRecord(CsvCells.cells(e.id(), e.at(), e.actor(), e.method(), e.path(), e.status(), e.contentType(), e.bodyBytes(),
                        e.bodySha256(), e.bodyExcerpt(), e.changes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The fields an entry's changes touched: for each changed thing, the top-level fields whose values differ. */
    public List<FieldChange> fieldChanges(Entry entry) {
        List<FieldChange> result = new ArrayList<>();
        if (entry.changes() == null) {
            return result;
        }
        JsonNode changes = json.readTree(entry.changes());
        for (JsonNode change : changes) {
            String entity = change.path("entity").asString("");
            String id = change.path("id").asString("");
            JsonNode before = change.path("before");
            JsonNode after = change.path("after");
            Set<String> fields = new LinkedHashSet<>();
            before.propertyNames().forEach(fields::add);
            after.propertyNames().forEach(fields::add);
            if (fields.isEmpty()) {
                result.add(new FieldChange(entity, id, "", text(before), text(after)));
            }
            for (String field : fields) {
                JsonNode b = before.get(field);
                JsonNode a = after.get(field);
                if (b == null || a == null || !b.equals(a)) {
                    result.add(new FieldChange(entity, id, field, text(b), text(a)));
                }
            }
        }
        return result;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.asString() : node.toString();
    }
}
