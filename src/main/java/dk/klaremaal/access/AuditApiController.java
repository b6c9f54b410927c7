package dk.klaremaal.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators of all organisations: newest first, as JSON or CSV. */
@RestController
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    List<AuditLog.Entry> json(@RequestParam(defaultValue = "1000") int limit) {
        return log.entries(limit);
    }

    @GetMapping("/api/v1/audit.csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "100000") int limit) {
        return csvAnswer(log.csv(limit));
    }

    static ResponseEntity<String> csvAnswer(String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"").body(csv);
    }
}
