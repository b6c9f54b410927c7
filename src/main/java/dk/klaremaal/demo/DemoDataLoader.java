package dk.klaremaal.demo;

import dk.klaremaal.platform.AdvisoryLocks;
import dk.klaremaal.access.ApiTokenService;
import dk.klaremaal.catalogue.CatalogueService;
import dk.klaremaal.catalogue.Organisation;
import dk.klaremaal.communication.ExpectedTimeService;
import dk.klaremaal.communication.LetterService;
import dk.klaremaal.demo.DemoCaseGenerator.CaseTypeProfile;
import dk.klaremaal.demo.DemoCaseGenerator.YearProfile;
import dk.klaremaal.demo.DemoMeasurements.ContactYear;
import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.CaseEventIngestService;
import dk.klaremaal.measurement.ContactIngestService;
import dk.klaremaal.measurement.Dataset;
import dk.klaremaal.measurement.DowntimeIngestService;
import dk.klaremaal.measurement.ReportedValueIngestService;
import dk.klaremaal.measurement.SurveyAggregateService;
import dk.klaremaal.measurement.SurveyResponseIngestService;
import dk.klaremaal.measurement.WorkingDayCalendar;
import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.RawRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed organisations and every example goal from the source material (S1–S24, M1–M5, a
 * service goal and the performance-plan goals A–F, from {@code demo/seed.json}), with generated
 * measurements for 2023–2025, into an empty database. Several nodes starting at once load
 * it once: the first holds a database lock, the others then find organisations and skip.
 */
@Component
@ConditionalOnProperty(name = "klaremaal.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CatalogueService catalogue;
    private final DemoSeed seed;
    private final DemoPlans demoPlans;
    private final dk.klaremaal.catalogue.CatalogueRepository catalogueRepository;
    private final LetterService letters;
    private final ExpectedTimeService expectedTimes;
    private final java.time.Clock clock;
    private final GoalService goals;
    private final CaseEventIngestService caseEvents;
    private final ContactIngestService contacts;
    private final SurveyResponseIngestService responses;
    private final SurveyAggregateService aggregates;
    private final DowntimeIngestService downtime;
    private final ReportedValueIngestService reportedValues;
    private final ApiTokenService tokens;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String apiToken;
    private final dk.klaremaal.measurement.ResultRecomputation recomputation;
    private final dk.klaremaal.catalogue.ServiceGoalService serviceGoals;

    DemoDataLoader(DemoSeed seed, DemoPlans demoPlans, dk.klaremaal.catalogue.CatalogueRepository catalogueRepository, LetterService letters, ExpectedTimeService expectedTimes, CatalogueService catalogue, GoalService goals, CaseEventIngestService caseEvents,
                   ContactIngestService contacts, SurveyResponseIngestService responses, SurveyAggregateService aggregates,
                   DowntimeIngestService downtime, ReportedValueIngestService reportedValues, ApiTokenService tokens,
                   WorkingDayCalendar calendar, JdbcClient jdbc, TransactionTemplate transactions, java.time.Clock clock,
                   @Value("${klaremaal.demo.api-token:}") String apiToken, dk.klaremaal.measurement.ResultRecomputation recomputation,
                   dk.klaremaal.catalogue.ServiceGoalService serviceGoals) {
        this.recomputation = recomputation;
        this.serviceGoals = serviceGoals;
        this.seed = seed;
        this.demoPlans = demoPlans;
        this.catalogueRepository = catalogueRepository;
        this.letters = letters;
        this.expectedTimes = expectedTimes;
        this.clock = clock;
        this.catalogue = catalogue;
        this.goals = goals;
        this.caseEvents = caseEvents;
        this.contacts = contacts;
        this.responses = responses;
        this.aggregates = aggregates;
        this.downtime = downtime;
        this.reportedValues = reportedValues;
        this.tokens = tokens;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.apiToken = apiToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean[] loaded = new boolean[1];
        transactions.executeWithoutResult(tx -> {
            AdvisoryLocks.lock(jdbc, AdvisoryLocks.DEMO, 0);
            if (!apiToken.isBlank()) {
                tokens.register("demo", apiToken, "admin");
            }
            if (!catalogue.organisations().isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            int rows = load();
            loaded[0] = true;
            log.info("Loaded demo data: {} rows of measurements in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
        });
        if (loaded[0]) {
            // The results are stored once the data is committed, as the nightly run would, so the front page's overview
            // (which reads only stored results) has them from the start.
            recomputation.recompute("demo load " + clock.instant());
        }
    }

    int load() {
        seed.define();
        // Cases run up to today, so that expected times, screens and letters rest on recent decisions.
        // Cases run up to yesterday: an event later today would lie in the future and be refused.
        DemoCaseGenerator generator = new DemoCaseGenerator(calendar, LocalDate.now(clock).minusDays(1));
        int rows = 0;
        long caseSeed = 2025;
        List<CaseTypeProfile> profiles = new ArrayList<>(profiles());
        DemoMunicipalities municipalities = new DemoMunicipalities(catalogue, catalogueRepository, goals, serviceGoals);
        profiles.addAll(municipalities.define(Math.max(2025, LocalDate.now(clock).getYear())));
        new DemoComparisonGroups(catalogueRepository, new dk.klaremaal.catalogue.ComparisonGroupRepository(jdbc)).define();
        for (CaseTypeProfile profile : profiles) {
            rows += stored(caseEvents, generator.generate(profile, caseSeed++));
        }
        // The agreement's 686 case types are sent as one upload: each upload holds its temporary tables (and their locks)
        // until the demo's one transaction ends.
        List<RawRow> agreement = new ArrayList<>();
        for (CaseTypeProfile profile : municipalities.defineAgreement(Math.max(2025, LocalDate.now(clock).getYear()))) {
            for (RawRow row : generator.generate(profile, caseSeed++)) {
                agreement.add(new RawRow(agreement.size() + 1, row.fields()));
            }
        }
        rows += stored(caseEvents, agreement);
        int measured = rows + measurements();
        communication();
        demoPlans.load();
        return measured;
    }

    private static final String DANISH_LETTER = """
            Kære {{applicant_name}}

            Tak for din henvendelse. Vi har modtaget din sag om {{case_type_name}} den {{received_date}} og giver den sagsnummer {{case_number}}.

            Du kan forvente en afgørelse senest {{expected_date}}. Det er den tid, 80 pct. af de sager, vi senest har afgjort, er blevet afgjort inden for ({{expected_time}}).

            Vores mål: {{goal_sentence}}
            Se, om vi holder det: {{goal_url}}

            Har du spørgsmål, kan du ringe på {{contact_phone}} eller skrive til {{contact_email}}. Husk at oplyse sagsnummeret.

            Med venlig hilsen
            {{organisation_name}}""";

    private static final String ENGLISH_LETTER = """
            Dear {{applicant_name}}

            Thank you. We received your case about {{case_type_name}} on {{received_date}}; its case number is {{case_number}}.

            You can expect a decision by {{expected_date}}: 80 % of the cases we decided recently were decided within {{expected_time}}.

            Our goal (in Danish): {{goal_sentence}}
            See whether we keep it: {{goal_url}}

            If you have questions, call {{contact_phone}} or write to {{contact_email}}, quoting the case number.

            Yours sincerely
            {{organisation_name}}""";

    /** Contact details, receipt-letter templates in Danish and English, and working-day expected times where goals count them. */
    private void communication() {
        int n = 0;
        for (Organisation organisation : catalogue.organisations()) {
            var types = catalogue.caseTypes(organisation);
            if (types.isEmpty()) {
                continue;
            }
            n++;
            letters.saveContact(organisation, new LetterService.Contact("Eksempelvej " + n + ", 1000 København K",
                    "70 10 %02d %02d".formatted(n, 10 + n), "post@" + organisation.slug() + ".example", "https://" + organisation.slug() + ".example"));
            for (var type : types) {
                letters.save(type, "da", new LetterService.TemplateInput("Kvittering for din sag {{case_number}}", DANISH_LETTER, "Demo"), "demo");
                letters.save(type, "en", new LetterService.TemplateInput("Receipt for your case {{case_number}}", ENGLISH_LETTER, "Demo"), "demo");
                if (organisation.slug().equals("fredensborg-kommune")) {
                    expectedTimes.configure(type, new ExpectedTimeService.SettingsInput(null, "working", null, null));
                }
            }
        }
    }

    private int stored(Dataset dataset, List<RawRow> rows) {
        IngestReport report = dataset.ingest(rows, "demo");
        if (!report.stored()) {
            throw new IllegalStateException("demo " + dataset.name() + " were refused: " + report.errors().subList(0, Math.min(5, report.errors().size())));
        }
        return report.accepted();
    }

    /** Contacts, survey answers and aggregates, downtime, reported values and milestone progress for 2023–2025. */
    private int measurements() {
        DemoMeasurements gen = new DemoMeasurements(2005);
        int rows = 0;
        rows += stored(contacts, gen.contacts("erhvervs-og-selskabsstyrelsen", "phone", true, List.of(
                new ContactYear(2023, 2000, 0.78, 30, 240, 0.05, 0.7), new ContactYear(2024, 2000, 0.86, 30, 200, 0.04, 0.7),
                new ContactYear(2025, 2000, 0.82, 30, 220, 0.05, 0.7))));
        rows += stored(contacts, gen.contacts("oekonomistyrelsen", "email", false, List.of(
                new ContactYear(2023, 600, 0.85, 14, 30, 0, 0.9), new ContactYear(2024, 600, 0.7, 14, 21, 0, 0.9),
                new ContactYear(2025, 600, 0.6, 14, 40, 0, 0.9))));
        rows += stored(contacts, gen.contacts("finansministeriet", "phone", true, List.of(
                new ContactYear(2023, 1500, 0.9, 60, 300, 0.04, 0.72), new ContactYear(2024, 1500, 0.9, 60, 300, 0.04, 0.77),
                new ContactYear(2025, 1500, 0.9, 60, 300, 0.04, 0.8))));
        rows += stored(contacts, gen.contacts("soefartsstyrelsen", "duty-phone", true, List.of(
                new ContactYear(2023, 300, 0.98, 20, 60, 0.01, 0.9), new ContactYear(2024, 300, 0.99, 20, 60, 0, 0.9),
                new ContactYear(2025, 300, 0.98, 20, 60, 0.004, 0.9))));

        rows += stored(responses, gen.responses("danmarks-meteorologiske-institut", "brugerundersoegelse", "service", Map.of(
                2023, new double[]{3, 5, 25, 45, 22}, 2024, new double[]{4, 8, 28, 40, 20}, 2025, new double[]{2, 4, 24, 45, 25}), 400));
        rows += stored(responses, gen.responses("cpr-kontoret", "kundeundersoegelse", "levering", Map.of(
                2023, new double[]{5, 8, 12, 45, 30}, 2024, new double[]{3, 5, 10, 50, 32}, 2025, new double[]{8, 12, 18, 40, 22}), 300));
        rows += stored(responses, gen.responses("danmarks-eksportraad", "kundeundersoegelse", "samlet", Map.of(
                2023, new double[]{1, 1, 2, 36, 60}, 2024, new double[]{2, 3, 7, 48, 40}, 2025, new double[]{1, 1, 1, 52, 45}), 250));
        rows += stored(responses, gen.responses("koebenhavn-boerne-og-ungdomsforvaltningen", "foraeldreundersoegelse", "undervisningsmidler",
                Map.of(2023, new double[]{5, 8, 20, 40, 27}, 2024, new double[]{4, 7, 19, 41, 29}, 2025, new double[]{4, 7, 19, 42, 28}), 800));
        aggregate(gen, "statsamterne", "brugerundersoegelse", "service-og-sagsbehandling", 500, Map.of(
                "2023", new double[]{10, 15, 20, 35, 20}, "2024", new double[]{5, 8, 10, 45, 32}, "2025", new double[]{15, 20, 20, 30, 15}));
        aggregate(gen, "odsherred-kommune", "foraeldreundersoegelse-fritidsklub", "atmosfaere", 60, Map.of(
                "2023", new double[]{2, 3, 6, 25, 24}, "2024", new double[]{3, 5, 8, 24, 20}, "2025", new double[]{1, 2, 5, 26, 26}));
        aggregate(gen, "statens-administration", "kundetilfredshed", "samlet", 300, Map.of("2019", new double[]{3, 7, 20, 45, 25}));

        rows += stored(downtime, gen.downtime("oekonomistyrelsen", "selvbetjening-inddrivelse", Map.of(
                2023, new int[]{12, 600}, 2024, new int[]{40, 1500}, 2025, new int[]{6, 120})));

        List<RawRow> values = new ArrayList<>();
        String by = "Demo-indberetter";
        yearly(values, "arbejdsskadestyrelsen", "omgjorte-afgoerelser", by, 4, 4, 3);
        yearly(values, "arbejdsskadestyrelsen", "netkroner", by, 4, 5, 4);
        yearly(values, "su-styrelsen", "kender-tilbagebetaling", by, 97500, 96800, 97900);
        yearly(values, "su-styrelsen", "modtagere-med-tilbagebetaling", by, 100000, 100000, 101000);
        quarterly(values, "udenrigsministeriet", "overskridelser-rejsevejledninger", by, 2023, 1, 2, 1, 1);
        quarterly(values, "udenrigsministeriet", "overskridelser-rejsevejledninger", by, 2024, 0, 1, 1, 0);
        quarterly(values, "udenrigsministeriet", "overskridelser-rejsevejledninger", by, 2025, 3, 4, 3, 2);
        int[] perMonth = {14, 18, 8};
        for (int y = 0; y < 3; y++) {
            for (int month = 1; month <= 12; month++) {
                values.add(DemoMeasurements.value(values.size() + 1, "patientklagenaevnet", "offentliggjorte-afgoerelser",
                        "%d-%02d".formatted(2023 + y, month), perMonth[y] + (month % 3) - 1, by));
            }
        }
        yearly(values, "skat", "selvangivelser-online", by, 2900000, 2750000, 3000000);
        yearly(values, "skat", "selvangivelser-i-alt", by, 4200000, 4150000, 4100000);
        quarterly(values, "danmarks-eksportraad", "smv-bistaaet", by, 2023, 1100, 1150, 1200, 1150);
        quarterly(values, "danmarks-eksportraad", "smv-bistaaet", by, 2024, 1000, 1050, 1100, 1000);
        quarterly(values, "danmarks-eksportraad", "smv-bistaaet", by, 2025, 900, 950, 900, 850);
        quarterly(values, "statens-administration", "kunder-paa-standardvarianter", by, 2019, 2, 12, 38, 91);
        quarterly(values, "statens-administration", "frigjorte-timer", by, 2019, 1100, 2900, 7200, 12500);
        values.add(DemoMeasurements.value(values.size() + 1, "statens-administration", "sygedage", "2019", "10.1", by));
        rows += stored(reportedValues, values);
        // A correction: the 2025 web rating was first reported as 4 and later corrected to 5 by someone else.
        rows += stored(reportedValues, List.of(DemoMeasurements.value(1, "arbejdsskadestyrelsen", "netkroner", "2025", 5, "Kommunikationschef")));

        Organisation administration = catalogue.organisation("statens-administration");
        for (Goal goal : goals.goalsOf(administration)) {
            if ("A".equals(goal.code())) {
                goals.markMilestone(goal.id(), 0, new GoalService.MilestoneProgress("2019-03-28",
                        "Nøgletallene er godkendt af direktionen og offentliggjort på kundeportalen", by), "demo");
                goals.markMilestone(goal.id(), 1, new GoalService.MilestoneProgress("2019-07-04",
                        "Driftsnøgletallene er offentliggjort (efter fristen)", by), "demo");
            } else if ("E".equals(goal.code())) {
                goals.markMilestone(goal.id(), 0, new GoalService.MilestoneProgress("2019-09-26",
                        "Alle FGU-institutioner er overgået til Statens Administrations løn- og regnskabsservice", by), "demo");
            }
        }
        return rows;
    }

    private void aggregate(DemoMeasurements gen, String org, String survey, String question, int respondents, Map<String, double[]> byPeriod) {
        // In the order of the periods: the counts are drawn from the generator shared with the answers and downtime after them.
        new TreeMap<>(byPeriod).forEach((period, weights) -> aggregates.report(new SurveyAggregateService.AggregateInput(org, survey, question, period,
                gen.counts(weights, respondents), null, null, "Demo-indberetter"), "demo"));
    }

    private static void yearly(List<RawRow> values, String org, String series, String by, Object v2023, Object v2024, Object v2025) {
        values.add(DemoMeasurements.value(values.size() + 1, org, series, "2023", v2023, by));
        values.add(DemoMeasurements.value(values.size() + 1, org, series, "2024", v2024, by));
        values.add(DemoMeasurements.value(values.size() + 1, org, series, "2025", v2025, by));
    }

    private static void quarterly(List<RawRow> values, String org, String series, String by, int year, Object... quarters) {
        for (int q = 0; q < quarters.length; q++) {
            values.add(DemoMeasurements.value(values.size() + 1, org, series, year + "-Q" + (q + 1), quarters[q], by));
        }
    }

    private List<CaseTypeProfile> profiles() {
        return List.of(
                profile("erhvervs-og-selskabsstyrelsen", "selskabsstiftelse", false, false, 0.85, 20, 40, 0.75, 18, 45, 0.9, 17, 35),
                profile("statsamterne", "social-klage", false, false, 0.6, 90, 150, 0.5, 120, 160, 0.7, 90, 140),
                profile("statsamterne", "separation-og-skilsmisse", false, false, 0.9, 42, 70, 0.3, 42, 100, 0.5, 42, 90),
                profile("laegemiddelstyrelsen", "terminaltilskud", false, false, 0.995, 2, 4, 0.96, 2, 5, 0.9, 2, 6),
                profile("laegemiddelstyrelsen", "generelt-tilskud", false, true, 0.97, 90, 120, 1.0, 90, 90, 1.0, 80, 80),
                profile("danmarks-biblioteksskole", "fjernlaan", false, false, 0.97, 1, 4, 0.92, 1, 5, 0.85, 1, 6),
                profile("det-jyske-musikkonservatorium", "ansoegerhenvendelse", false, false, 0.93, 5, 12, 0.97, 5, 10, 0.88, 5, 14),
                profile("arkitektskolen-aarhus", "skriftlig-henvendelse", false, false, 0.96, 10, 20, 1.0, 10, 10, 1.0, 8, 8),
                profile("arbejdsskadestyrelsen", "arbejdsskadesag", false, false, 0.8, 60, 120, 0.8, 60, 120, 0.8, 60, 120),
                profile("koebenhavn-borgerservice", "boligstoette-ansoegning", false, false, 1.0, 14, 14, 0.97, 14, 30, 1.0, 14, 14),
                profile("vejle-teknik-og-miljoe", "anmeldelse-brs98", false, false, 0.93, 14, 30, 0.86, 14, 35, 0.95, 14, 25),
                profile("vejle-teknik-og-miljoe", "anmeldelse-br95", false, false, 0.95, 28, 45, 0.91, 28, 50, 0.8, 28, 60),
                profile("vejle-teknik-og-miljoe", "byggetilladelse", false, true, 0.5, 56, 120, 0.8, 45, 90, 0.94, 40, 60),
                profile("fredensborg-kommune", "omraade-uden-lys", true, false, 0.97, 1, 3, 0.93, 1, 4, 0.98, 1, 2),
                profile("fredensborg-kommune", "gadelys-3-5", true, false, 0.97, 5, 10, 0.9, 5, 12, 0.96, 5, 9),
                profile("fredensborg-kommune", "gadelys-1-2", true, false, 0.9, 10, 20, 0.96, 10, 15, 0.99, 10, 12));
    }

    /** 2023–2025 as given; later years, up to the current one, behave like 2025. */
    private CaseTypeProfile profile(String org, String caseType, boolean workingDays, boolean completionStart,
                                    double fast23, int fastDays23, int slowDays23, double fast24, int fastDays24,
                                    int slowDays24, double fast25, int fastDays25, int slowDays25) {
        List<YearProfile> years = new ArrayList<>(List.of(
                new YearProfile(2023, 220, fast23, fastDays23, slowDays23),
                new YearProfile(2024, 240, fast24, fastDays24, slowDays24)));
        for (int year = 2025; year <= Math.max(2025, LocalDate.now(clock).getYear()); year++) {
            years.add(new YearProfile(year, 260, fast25, fastDays25, slowDays25));
        }
        return new CaseTypeProfile(org, caseType, workingDays, completionStart, true, years);
    }
}
