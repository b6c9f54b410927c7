package dk.klaremaal.demo;

import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.CatalogueService.NewCaseType;
import dk.klaremaal.catalogue.CatalogueService.NewOrganisation;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.demo.DemoCaseGenerator.CaseTypeProfile;
import dk.klaremaal.demo.DemoCaseGenerator.YearProfile;
import dk.klaremaal.goals.GoalInput;
import dk.klaremaal.goals.GoalService;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The service-goal agreement in all 98 municipalities: each gets building permits and environmental
 * approvals with a service goal (average processing time one third below 2023) under a shared
 * indicator key, and generated cases, so that they can be compared.
 */
final class DemoMunicipalities {

    static final String BUILDING = "servicemaal-byggetilladelse";
    static final String ENVIRONMENT = "servicemaal-miljoegodkendelse";

    record Municipality(String name, String slug, String region) {
    }

    private final CatalogueService catalogue;
    private final CatalogueRepository catalogueRepository;
    private final GoalService goals;

    DemoMunicipalities(CatalogueService catalogue, CatalogueRepository catalogueRepository, GoalService goals) {
        this.catalogue = catalogue;
        this.catalogueRepository = catalogueRepository;
        this.goals = goals;
    }

    static List<Municipality> all() {
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/municipalities.csv").getInputStream(), StandardCharsets.UTF_8)) {
            List<Municipality> list = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String name = r.get("name");
                list.add(new Municipality(fullName(name), name.equals("København") ? "koebenhavns-kommune" : slug(name) + "-kommune",
                        r.get("region")));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fullName(String name) {
        return switch (name) {
            case "København" -> "Københavns Kommune";
            case "Bornholm" -> "Bornholms Regionskommune";
            default -> name + " Kommune";
        };
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Creates what is missing and returns the case profiles to generate events for. */
    List<CaseTypeProfile> define(int lastYear) {
        List<CaseTypeProfile> profiles = new ArrayList<>();
        Random random = new Random(98);
        for (Municipality m : all()) {
            Optional<Organisation> existing = catalogueRepository.findOrganisation(m.slug());
            Organisation organisation = existing.map(o -> catalogue.setRegion(o, m.region())).orElseGet(() -> catalogue.createOrganisation(
                    new NewOrganisation(null, "municipality", m.slug(), m.name(), ClosingDays.NONE, m.region())));
            String short1 = m.name().replace(" Kommune", "").replace(" Regionskommune", "");
            // Vejle's building-permit service goal (SM1) is already in the seed, under its technical administration.
            if (!m.slug().equals("vejle-kommune")) {
                profiles.add(caseTypeAndGoal(organisation, "byggetilladelse", "Byggetilladelse (fuldt oplyst ansøgning)", "byggeri", "Byggeri",
                        "completed", BUILDING, "SM-BYG", m.name() + " har et servicemål om, at den gennemsnitlige sagsbehandlingstid for "
                                + "byggetilladelser nedbringes med en tredjedel i forhold til 2023.", random, lastYear, short1));
            }
            profiles.add(caseTypeAndGoal(organisation, "miljoegodkendelse", "Miljøgodkendelse af virksomhed", "miljoe", "Miljø",
                    "completed", ENVIRONMENT, "SM-MILJOE", m.name() + " har et servicemål om, at den gennemsnitlige sagsbehandlingstid for "
                            + "miljøgodkendelser nedbringes med en tredjedel i forhold til 2023.", random, lastYear, short1));
        }
        return profiles;
    }

    private CaseTypeProfile caseTypeAndGoal(Organisation organisation, String code, String name, String service, String serviceName,
                                            String clockStart, String key, String goalCode, String sentence, Random random, int lastYear,
                                            String label) {
        // Environmental approvals are of businesses, not persons, so Open311 may list them; building permits are often a home's.
        boolean aboutBusinesses = code.equals("miljoegodkendelse");
        catalogue.createCaseType(organisation.slug(), new NewCaseType(service, serviceName, code, name, clockStart, true, !aboutBusinesses,
                aboutBusinesses));
        goals.create(new GoalInput(organisation.slug(), code, goalCode, sentence, "faglig_kvalitet",
                new GoalInput.IndicatorInput("processing_time", "mean", null, null, null, "calendar", "days", null, null, null, null, null,
                        null, null, null, null, null),
                "year", List.of(), new GoalInput.BaselineInput("2023", null, "-1/3"),
                new GoalInput.ScaleInput("binary", null, "percent_of_target", "<=", java.math.BigDecimal.valueOf(100), null), null, List.of(),
                key));
        // Each municipality has its own pace, and most speed up over the years.
        int perYear = 25 + random.nextInt(35);
        int fast = (code.equals("byggetilladelse") ? 35 : 60) + random.nextInt(40);
        double improvement = 0.55 + random.nextDouble() * 0.5;
        List<YearProfile> years = new ArrayList<>();
        for (int year = 2023; year <= lastYear; year++) {
            double factor = Math.pow(improvement, Math.min(year - 2023, 2) / 2.0);
            int fastDays = Math.max(5, (int) Math.round(fast * factor));
            years.add(new YearProfile(year, perYear, 0.7 + random.nextDouble() * 0.2, fastDays, fastDays + 20 + random.nextInt(60)));
        }
        return new CaseTypeProfile(organisation.slug(), code, false, true, true, years);
    }

}
