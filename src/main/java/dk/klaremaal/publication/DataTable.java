package dk.klaremaal.publication;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dk.klaremaal.platform.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A public table as open data: stable column names with types and descriptions (its schema), and
 * rows. Numbers keep full precision; CSV uses a point as decimal separator, and text that a spreadsheet
 * would take for a formula is made inert ({@link CsvCells}).
 */
public record DataTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

    public record Column(String name, String type, String description) {
    }

    public DataTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(CsvCells.cells(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i).name(), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    /** A Frictionless Table Schema of the columns. */
    public Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", name);
        schema.put("title", title);
        schema.put("fields", columns.stream().map(c -> Map.of("name", c.name(), "type", c.type(), "description", c.description())).toList());
        return schema;
    }
}
