package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.Utf8Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/{dataset}} with a JSON array or a CSV file; 200 when stored, 422 with the row errors when not. */
@RestController
class DatasetApiController {

    private final Datasets datasets;

    DatasetApiController(Datasets datasets) {
        this.datasets = datasets;
    }

    @PostMapping(path = "/api/v1/{dataset:" + DatasetNames.PATTERN + "}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestReport> json(@PathVariable String dataset, InputStream body, Principal sender) throws IOException {
        Dataset target = dataset(dataset);
        // Read an element at a time, never bound as a whole: a body of any size takes the same memory.
        try (body) {
            return answer(target.ingestJson(body, name(sender)));
        }
    }

    @PostMapping(path = "/api/v1/{dataset:" + DatasetNames.PATTERN + "}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<IngestReport> csv(@PathVariable String dataset, InputStream body, Principal sender) throws IOException {
        Dataset target = dataset(dataset);
        try (Reader reader = Utf8Input.reader(body)) {
            return answer(target.ingestCsv(reader, name(sender)));
        }
    }

    private Dataset dataset(String name) {
        return datasets.get(name);
    }

    private static String name(Principal sender) {
        return sender == null ? null : sender.getName();
    }

    private static ResponseEntity<IngestReport> answer(IngestReport report) {
        return ResponseEntity.status(report.stored() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
