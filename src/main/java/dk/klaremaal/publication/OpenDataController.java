package dk.klaremaal.publication;

import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.platform.RequestUrls;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: every public table as CSV and JSON under {@code /data/…}, its Table Schema under
 * {@code /data/skema/…}, and a DCAT catalogue of the data sets at {@code /data/katalog.json}.
 */
@RestController
class OpenDataController {

    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

    private final OpenDataTables tables;
    private final ReportService reports;
    private final dk.klaremaal.goals.GoalService goals;
    private final JdbcClient jdbc;

    OpenDataController(OpenDataTables tables, ReportService reports, dk.klaremaal.goals.GoalService goals, JdbcClient jdbc) {
        this.reports = reports;
        this.tables = tables;
        this.goals = goals;
        this.jdbc = jdbc;
    }

    @GetMapping("/data/organisationer.{format}")
    ResponseEntity<?> organisations(@PathVariable String format) {
        return answer(tables.organisations(), format);
    }

    @GetMapping("/data/organisationer/{slug}/maal.{format}")
    ResponseEntity<?> goals(@PathVariable String slug, @PathVariable String format) {
        return answer(tables.goals(slug), format);
    }

    @GetMapping("/data/maal/{id}/resultater.{format}")
    ResponseEntity<?> results(@PathVariable long id, @PathVariable String format) {
        return answer(tables.results(id), format);
    }

    @GetMapping("/data/sammenligning/{key}.{format}")
    ResponseEntity<?> comparison(@PathVariable String key, @PathVariable String format, @RequestParam(required = false) String periode,
                                 @RequestParam(required = false) String art, @RequestParam(required = false) String region,
                                 @RequestParam(required = false) String gruppe) {
        return answer(tables.comparison(key, periode, ComparisonService.Filter.of(art, region, "name", null, gruppe)), format);
    }

    @GetMapping("/data/sammenligningsgrupper.{format}")
    ResponseEntity<?> comparisonGroups(@PathVariable String format) {
        return answer(tables.comparisonGroups(), format);
    }

    @GetMapping("/data/rapporter/{slug}/{period}.{format}")
    ResponseEntity<?> report(@PathVariable String slug, @PathVariable String period, @PathVariable String format) {
        return answer(tables.report(reports.report(slug, period)), format);
    }

    @GetMapping("/data/skema/{table}.json")
    Map<String, Object> schema(@PathVariable String table) {
        List<DataTable.Column> columns = switch (table) {
            case "organisationer" -> OpenDataTables.ORGANISATIONS;
            case "maal" -> OpenDataTables.GOALS;
            case "resultater" -> OpenDataTables.RESULTS;
            case "sammenligning" -> OpenDataTables.COMPARISON;
            case "sammenligningsgrupper" -> OpenDataTables.COMPARISON_GROUPS;
            case "rapport" -> OpenDataTables.REPORT;
            default -> throw new NotFoundException("No table schema '" + table + "'");
        };
        return new DataTable(table, table, columns, List.of()).schema();
    }

    /** DCAT-AP style catalogue (JSON-LD): the data sets, their licence, last update and distributions. */
    @GetMapping(path = "/data/katalog.json", produces = "application/ld+json")
    Map<String, Object> catalogue() {
        String base = RequestUrls.base();
        Instant modified = jdbc.sql("""
                        select greatest((select max(ingested_at) from case_event), (select max(ingested_at) from contact),
                                        (select max(reported_at) from series_value), (select max(ingested_at) from survey_response),
                                        (select max(created_at) from goal))""")
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).single();
        List<Map<String, Object>> datasets = new ArrayList<>();
        datasets.add(dataset(base, "organisationer", "Organisationer", "Alle myndigheder i Klaremål som et træ.", "/data/organisationer", modified));
        for (String key : goals.indicatorKeys().keySet()) {
            datasets.add(dataset(base, "sammenligning-" + key, "Sammenligning: " + key,
                    "Resultat, vurdering og fordeling for hver myndighed med målet " + key + ".", "/data/sammenligning/" + key, modified));
        }
        datasets.add(dataset(base, "sammenligningsgrupper", "Sammenligningsgrupper",
                "Grupper af myndigheder, der er rimelige at sammenligne (fx efter indbyggertal eller by og land), med deres medlemmer.",
                "/data/sammenligningsgrupper", modified));
        datasets.add(dataset(base, "resultater", "Resultater pr. mål",
                "Hvert måls resultat for hver periode: /data/maal/{id}/resultater.csv eller .json.", "/data/maal/{id}/resultater", modified));
        datasets.add(dataset(base, "maal", "Mål pr. myndighed",
                "Hver myndigheds mål med seneste resultat: /data/organisationer/{slug}/maal.csv eller .json.", "/data/organisationer/{slug}/maal",
                modified));
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/"));
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", "Klaremål – klare mål og resultater");
        catalog.put("dct:description", "Offentlige myndigheders servicemål og de faktiske resultater.");
        catalog.put("dct:license", LICENCE);
        catalog.put("dct:modified", modified == null ? null : modified.toString());
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    private static Map<String, Object> dataset(String base, String id, String title, String description, String path, Instant modified) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@type", "dcat:Dataset");
        d.put("dct:identifier", id);
        d.put("dct:title", title);
        d.put("dct:description", description);
        d.put("dct:license", LICENCE);
        d.put("dct:modified", modified == null ? null : modified.toString());
        d.put("dcat:distribution", List.of(
                Map.of("@type", "dcat:Distribution", "dcat:accessURL", base + path + ".csv", "dcat:mediaType", "text/csv"),
                Map.of("@type", "dcat:Distribution", "dcat:accessURL", base + path + ".json", "dcat:mediaType", "application/json")));
        String table = id.startsWith("sammenligning-") ? "sammenligning" : id;
        d.put("dct:conformsTo", base + "/data/skema/" + table + ".json");
        return d;
    }

    private static ResponseEntity<?> answer(DataTable table, String format) {
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.name() + ".csv\"")
                    .body(table.csv());
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.records());
            default -> throw new NotFoundException("No format '" + format + "': the table is offered as .csv and .json");
        };
    }
}
