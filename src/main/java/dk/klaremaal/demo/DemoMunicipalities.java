package dk.klaremaal.demo;

import dk.klaremaal.catalogue.CatalogueRepository;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.CatalogueService.NewCaseType;
import dk.klaremaal.catalogue.CatalogueService.NewOrganisation;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.catalogue.ServiceGoalService;
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
 * indicator key, and generated cases, so that they can be compared. Each also publishes in the form of
 * the 2016 agreement as KL does: building cases per category with the category's service goal in
 * calendar days from the complete application, environmental approvals of annex 1 and annex 2
 * companies, and goals on the share of all cases decided within their own category's service goal and
 * on the average processing time.
 */
final class DemoMunicipalities {

    static final String BUILDING = "servicemaal-byggetilladelse";
    static final String ENVIRONMENT = "servicemaal-miljoegodkendelse";
    static final String BUILDING_SHARE = "servicemaal-byggesager-andel";
    static final String BUILDING_MEAN = "servicemaal-byggesager-gennemsnit";
    static final String ENVIRONMENT_SHARE = "servicemaal-miljoegodkendelser-andel";

    /**
     * A category of case under the agreement: its case type, service goal in calendar days, share of a municipality's
     * cases, and how much slower than the municipality's pace it runs.
     */
    record Category(String code, String name, String service, String serviceName, int serviceGoalDays, double share, double pace) {
    }

    /** The agreement's building categories (KL: 40 days for less complicated building, 50–60 for more complicated). */
    static final List<Category> BUILDING_CATEGORIES = List.of(
            new Category("byg-simple", "Simple konstruktioner", "byggeri", "Byggeri", 40, 0.30, 0.8),
            new Category("byg-enfamiliehuse", "Enfamiliehuse", "byggeri", "Byggeri", 40, 0.40, 0.9),
            new Category("byg-industri-lager", "Industri- og lagerbygninger", "byggeri", "Byggeri", 50, 0.12, 1.15),
            new Category("byg-etage-erhverv", "Etagebyggeri, erhverv", "byggeri", "Byggeri", 55, 0.08, 1.25),
            new Category("byg-etage-boliger", "Etagebyggeri, boliger", "byggeri", "Byggeri", 60, 0.10, 1.35));

    /** Environmental approvals of companies (KL: 130 days for less polluting annex 2 companies, 200 for large annex 1 ones). */
    static final List<Category> ENVIRONMENT_CATEGORIES = List.of(
            new Category("miljoe-bilag-1", "Miljøgodkendelse, bilag 1-virksomhed", "miljoe", "Miljø", 200, 0, 0),
            new Category("miljoe-bilag-2", "Miljøgodkendelse, bilag 2-virksomhed", "miljoe", "Miljø", 130, 0, 0));

    /** The typical municipality's median processing time of a building case (days) and the spread of single cases. */
    private static final double TYPICAL_MEDIAN = 28;
    private static final double CASE_SPREAD = 1.3;

    record Municipality(String name, String slug, String region) {
    }

    private final CatalogueService catalogue;
    private final CatalogueRepository catalogueRepository;
    private final GoalService goals;
    private final ServiceGoalService serviceGoals;

    DemoMunicipalities(CatalogueService catalogue, CatalogueRepository catalogueRepository, GoalService goals,
                       ServiceGoalService serviceGoals) {
        this.serviceGoals = serviceGoals;
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

    /**
     * The agreement as practised, after {@link #define}: per municipality the building categories and the annex 1 and 2
     * environmental approvals with their service goals, the three goals, and the case profiles to generate from 2024.
     * Municipalities differ in pace: ranked at random, the fastest decides a typical building case in a few days and the
     * slowest in months; single cases spread log-normally around their municipality's pace.
     */
    List<CaseTypeProfile> defineAgreement(int lastYear) {
        List<CaseTypeProfile> profiles = new ArrayList<>();
        Random random = new Random(2016);
        List<Municipality> all = all();
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ranks.add(i);
        }
        java.util.Collections.shuffle(ranks, random);
        for (int i = 0; i < all.size(); i++) {
            Municipality m = all.get(i);
            Organisation organisation = catalogueRepository.findOrganisation(m.slug()).orElseThrow();
            double median = median(ranks.get(i), all.size());
            int buildingCases = 15 + random.nextInt(31);
            for (Category category : BUILDING_CATEGORIES) {
                caseType(organisation, category, false);
                List<YearProfile> years = new ArrayList<>();
                // From 2023, so that the long cases decided in 2024 and 2025 were received before them, as in real life.
                for (int year = 2023; year <= lastYear; year++) {
                    double pace = median * category.pace() * (0.9 + 0.2 * random.nextDouble());
                    years.add(YearProfile.logNormal(year, Math.max(1, (int) Math.round(buildingCases * category.share())), pace, CASE_SPREAD));
                }
                profiles.add(new CaseTypeProfile(organisation.slug(), category.code(), false, true, true, years));
            }
            for (Category category : ENVIRONMENT_CATEGORIES) {
                caseType(organisation, category, true);
                boolean annex1 = category.code().endsWith("1");
                List<YearProfile> years = new ArrayList<>();
                for (int year = 2024; year <= lastYear; year++) {
                    years.add(YearProfile.logNormal(year, annex1 ? random.nextInt(3) : 1 + random.nextInt(4),
                            (annex1 ? 95 : 65) * (0.7 + 0.6 * random.nextDouble()), annex1 ? 0.5 : 0.55));
                }
                profiles.add(new CaseTypeProfile(organisation.slug(), category.code(), false, true, true, years));
            }
            agreementGoals(organisation, m, lastYear);
        }
        return profiles;
    }

    /**
     * The municipality's typical median in days by its rank in pace (0 fastest): a logistic spread around the typical
     * median, wider on the fast side, capped so that the slowest municipality's mean comes to about 200 days.
     */
    static double median(int rank, int count) {
        double q = (rank + 0.5) / count;
        double z = Math.max(-2.6, Math.min(1.8, 0.55 * Math.log(q / (1 - q))));
        return TYPICAL_MEDIAN * Math.exp(z < 0 ? 0.8 * z : 0.6 * z);
    }

    private void caseType(Organisation organisation, Category category, boolean aboutBusinesses) {
        catalogue.createCaseType(organisation.slug(), new NewCaseType(category.service(), category.serviceName(), category.code(),
                category.name(), "completed", true, !aboutBusinesses, false));
        serviceGoals.set(organisation, category.code(), new ServiceGoalService.Input(category.serviceGoalDays()));
    }

    /**
     * The fewest decided cases a year's service-goal result is assessed on: a share or mean of fewer building cases, or of
     * fewer environmental approvals (of which a municipality decides only a handful a year), says too little to be given a
     * status or a rank, and is shown as resting on too few cases.
     */
    static final int BUILDING_MIN_CASES = 5;
    static final int ENVIRONMENT_MIN_CASES = 3;

    private void agreementGoals(Organisation organisation, Municipality m, int lastYear) {
        List<GoalInput.TargetInput> shareTargets = new ArrayList<>();
        List<GoalInput.TargetInput> meanTargets = new ArrayList<>();
        for (int year = 2024; year <= lastYear; year++) {
            shareTargets.add(new GoalInput.TargetInput(String.valueOf(year), java.math.BigDecimal.valueOf(80)));
            meanTargets.add(new GoalInput.TargetInput(String.valueOf(year), java.math.BigDecimal.valueOf(50)));
        }
        goals.create(new GoalInput(organisation.slug(), null, "SM-BYG-ANDEL", m.name() + " har et mål om, at mindst 80 pct. af "
                + "byggesagerne afgøres inden for servicemålet for deres kategori: 40 kalenderdage for simple konstruktioner og "
                + "enfamiliehuse, 50 for industri- og lagerbygninger, 55 for etagebyggeri til erhverv og 60 for etagebyggeri til "
                + "boliger, regnet fra ansøgningen er fuldt oplyst og uden den tid, sagen venter på ansøgeren.", "faglig_kvalitet",
                serviceGoalIndicator("share_within", "percent", "byggeri"), "year", shareTargets, null, shareScale(), null, List.of(),
                BUILDING_SHARE, BUILDING_MIN_CASES));
        goals.create(new GoalInput(organisation.slug(), null, "SM-BYG-TID", m.name() + " har et mål om, at den gennemsnitlige "
                + "sagsbehandlingstid for byggesager med et servicemål er højst 50 kalenderdage, regnet fra ansøgningen er fuldt "
                + "oplyst og uden den tid, sagen venter på ansøgeren.", "faglig_kvalitet",
                serviceGoalIndicator("mean", "days", "byggeri"), "year", meanTargets, null, new GoalInput.ScaleInput("traffic_light",
                "lower_is_better", null, null, null, List.of(
                        level("satisfactory", null, null, 50, true),
                        level("on_the_way", 50, false, 70, true),
                        level("unsatisfactory", 70, false, null, null))), null, List.of(), BUILDING_MEAN, BUILDING_MIN_CASES));
        goals.create(new GoalInput(organisation.slug(), null, "SM-MILJOE-ANDEL", m.name() + " har et mål om, at mindst 80 pct. af "
                + "miljøgodkendelserne afgøres inden for servicemålet: 200 kalenderdage for bilag 1-virksomheder og 130 for "
                + "bilag 2-virksomheder, regnet fra ansøgningen er fuldt oplyst.", "faglig_kvalitet",
                serviceGoalIndicator("share_within", "percent", "miljoe"), "year", shareTargets, null, shareScale(), null, List.of(),
                ENVIRONMENT_SHARE, ENVIRONMENT_MIN_CASES));
    }

    private static GoalInput.IndicatorInput serviceGoalIndicator(String statistic, String unit, String service) {
        return new GoalInput.IndicatorInput("service_goal", statistic, null, null, null, "calendar", unit, null, null, null, null, null,
                null, null, null, null, service);
    }

    /** Tilfredsstillende from 80 %, på vej from 60 %, otherwise utilfredsstillende. */
    private static GoalInput.ScaleInput shareScale() {
        return new GoalInput.ScaleInput("traffic_light", "higher_is_better", null, null, null, List.of(
                level("satisfactory", 80, true, 100, true),
                level("on_the_way", 60, true, 80, false),
                level("unsatisfactory", null, null, 60, false)));
    }

    private static GoalInput.LevelInput level(String status, Integer lower, Boolean lowerInclusive, Integer upper, Boolean upperInclusive) {
        return new GoalInput.LevelInput(status, null,
                lower == null ? null : new GoalInput.BoundInput(java.math.BigDecimal.valueOf(lower), lowerInclusive),
                upper == null ? null : new GoalInput.BoundInput(java.math.BigDecimal.valueOf(upper), upperInclusive));
    }
}
