package dk.klaremaal.measurement;

import dk.klaremaal.access.AccessPolicy;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.StaffPage;
import dk.klaremaal.platform.Utf8Input;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff pages for loading data: a CSV upload for every dataset (all rows stored or none, with the
 * refused rows listed), and a form for one manually reported value.
 */
@Controller
class DataAdminController extends StaffPage {

    private final Datasets datasets;
    private final AccessPolicy access;
    private final CatalogueService catalogue;

    DataAdminController(Datasets datasets, AccessPolicy access, CatalogueService catalogue) {
        this.datasets = datasets;
        this.access = access;
        this.catalogue = catalogue;
    }

    @GetMapping("/administration/data")
    String uploadPage(Model model) {
        return upload(model, null, null, null);
    }

    @PostMapping("/administration/data")
    String upload(@RequestParam String dataset, @RequestParam MultipartFile file, Principal principal, Model model,
                  HttpServletResponse response) throws IOException {
        Dataset target = datasets.get(dataset);
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "choose a CSV file with a header row");
        }
        IngestReport report;
        try (Reader reader = Utf8Input.reader(file.getInputStream())) {
            report = target.ingestCsv(reader, who(principal));
        }
        if (!report.stored()) {
            response.setStatus(422);
        }
        return upload(model, target, file.getOriginalFilename(), report);
    }

    private String upload(Model model, Dataset chosen, String fileName, IngestReport report) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        datasets.all().forEach(d -> columns.put(d.name(), d.requiredColumns()));
        model.addAttribute("columns", columns);
        model.addAttribute("chosen", chosen == null ? null : chosen.name());
        model.addAttribute("fileName", fileName);
        model.addAttribute("report", report);
        return "admin/data";
    }

    @GetMapping("/administration/vaerdier")
    String valuePage(Model model) {
        return value(model, Map.of(), null);
    }

    /** One value for a reported series, as a one-row upload, so it is checked exactly like an uploaded row. */
    @PostMapping("/administration/vaerdier")
    String value(@RequestParam Map<String, String> form, Principal principal, Model model, HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("organisation", "series", "period", "value", "note")) {
            String v = form.get(name);
            fields.put(name, v == null ? "" : v.trim());
        }
        fields.put("reported_by", who(principal));
        IngestReport report = datasets.get(DatasetNames.REPORTED_VALUES).ingest(List.of(new RawRow(1, fields)), who(principal));
        if (!report.stored()) {
            response.setStatus(422);
        }
        return value(model, report.stored() ? Map.of() : fields, report);
    }

    private String value(Model model, Map<String, String> form, IngestReport report) {
        model.addAttribute("organisations", access.organisations(AccessPolicy.Action.REPORT).stream().map(catalogue::organisation).toList());
        model.addAttribute("form", form);
        model.addAttribute("report", report);
        return "admin/values";
    }
}
