package dk.klaremaal.measurement;

import dk.klaremaal.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/case-events")
class CaseEventApiController {

    private final CaseEventIngestService ingest;

    CaseEventApiController(CaseEventIngestService ingest) {
        this.ingest = ingest;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestReport> json(@RequestBody List<Map<String, Object>> body) {
        List<RawEventRow> rows = new ArrayList<>(body.size());
        int row = 0;
        for (Map<String, Object> item : body) {
            row++;
            if (item == null) {
                throw new InvalidInputException("[" + row + "]", "must be an object with the fields " + String.join(", ", CaseEventCsv.COLUMNS));
            }
            rows.add(new RawEventRow(row, text(item, "event_id"), text(item, "organisation"), text(item, "case_type"),
                    text(item, "case_id"), text(item, "event"), text(item, "occurred_at")));
        }
        return answer(ingest.ingest(rows));
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<IngestReport> csv(InputStream body) throws IOException {
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            return answer(ingest.ingest(CaseEventCsv.read(reader)));
        }
    }

    private static ResponseEntity<IngestReport> answer(IngestReport report) {
        return ResponseEntity.status(report.stored() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    private static String text(Map<String, Object> item, String field) {
        Object value = item.get(field);
        return value == null ? null : value.toString();
    }
}
