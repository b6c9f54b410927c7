package dk.klaremaal.demo;

import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.ComparisonGroupRepository;
import dk.klaremaal.catalogue.Organisation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's comparison groups for the 98 municipalities, from {@code demo/municipalities.csv}
 * (population on 1 January 2024, rounded, and area in km²):
 * <ul>
 *   <li>four population bands: under 30,000; 30,000–49,999; 50,000–99,999; 100,000 and more;</li>
 *   <li>urban or rural by population density: urban municipalities have at least 100 inhabitants per km²
 *       (the country as a whole has about 140), rural ones fewer.</li>
 * </ul>
 */
final class DemoComparisonGroups {

    /** Inhabitants per km² from which a municipality counts as urban. */
    static final int URBAN_DENSITY = 100;

    record Band(String slug, String name, String nameEn, int from, int toExclusive) {
    }

    static final List<Band> BANDS = List.of(
            new Band("kommuner-under-30000-indbyggere", "Kommuner med under 30.000 indbyggere", "Municipalities with fewer than 30,000 inhabitants",
                    0, 30_000),
            new Band("kommuner-30000-49999-indbyggere", "Kommuner med 30.000–49.999 indbyggere", "Municipalities with 30,000–49,999 inhabitants",
                    30_000, 50_000),
            new Band("kommuner-50000-99999-indbyggere", "Kommuner med 50.000–99.999 indbyggere", "Municipalities with 50,000–99,999 inhabitants",
                    50_000, 100_000),
            new Band("kommuner-over-100000-indbyggere", "Kommuner med 100.000 indbyggere eller flere",
                    "Municipalities with 100,000 inhabitants or more", 100_000, Integer.MAX_VALUE));

    record Facts(String name, int population, int areaKm2) {
        boolean urban() {
            return population >= (long) URBAN_DENSITY * areaKm2;
        }
    }

    private final CatalogueRepository catalogue;
    private final ComparisonGroupRepository groups;

    DemoComparisonGroups(CatalogueRepository catalogue, ComparisonGroupRepository groups) {
        this.catalogue = catalogue;
        this.groups = groups;
    }

    static List<Facts> facts() {
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/municipalities.csv").getInputStream(), StandardCharsets.UTF_8)) {
            List<Facts> list = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                list.add(new Facts(r.get("name"), Integer.parseInt(r.get("population")), Integer.parseInt(r.get("area_km2"))));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups and their members' slugs, in the order they are shown. */
    static Map<String[], List<String>> plan() {
        Map<String[], List<String>> plan = new LinkedHashMap<>();
        List<Facts> all = facts();
        for (Band band : BANDS) {
            plan.put(new String[]{band.slug(), band.name(), band.nameEn(), "Indbyggertal 1. januar 2024 (afrundet), Danmarks Statistik."},
                    all.stream().filter(f -> f.population() >= band.from() && f.population() < band.toExclusive()).map(DemoComparisonGroups::slug)
                            .toList());
        }
        plan.put(new String[]{"bykommuner", "Bykommuner", "Urban municipalities",
                        "Kommuner med mindst " + URBAN_DENSITY + " indbyggere pr. km² (hele landet har omkring 140)."},
                all.stream().filter(Facts::urban).map(DemoComparisonGroups::slug).toList());
        plan.put(new String[]{"landkommuner", "Landkommuner", "Rural municipalities",
                        "Kommuner med under " + URBAN_DENSITY + " indbyggere pr. km² (hele landet har omkring 140)."},
                all.stream().filter(f -> !f.urban()).map(DemoComparisonGroups::slug).toList());
        return plan;
    }

    private static String slug(Facts f) {
        return f.name().equals("København") ? "koebenhavns-kommune" : DemoMunicipalities.slug(f.name()) + "-kommune";
    }

    /** Creates the groups that do not exist yet. */
    void define() {
        for (var e : plan().entrySet()) {
            String[] g = e.getKey();
            if (groups.find(g[0]).isPresent()) {
                continue;
            }
            long id = groups.insert(g[0], g[1], g[2], g[3]);
            groups.replaceMembers(id, e.getValue().stream().map(s -> catalogue.findOrganisation(s).map(Organisation::id).orElseThrow(
                    () -> new IllegalStateException("No municipality " + s))).toList());
        }
    }
}
