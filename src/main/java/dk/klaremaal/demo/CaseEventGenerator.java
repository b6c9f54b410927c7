package dk.klaremaal.demo;

import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.measurement.WorkingDayCalendar;
import dk.klaremaal.platform.TimeConfiguration;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes realistic case events as CSV for the demo catalogue (the building permits and environmental
 * approvals of all 98 municipalities, and the agencies' case types), for load tests and benchmarks:
 * cases received on working days, processing times log-normal per case type, decisions on working
 * days (weekends and Danish public holidays skipped), pauses, reopenings, cases still open, some
 * events sent late (at the end of the file) and some sent twice. The same seed gives the same file;
 * memory stays constant whatever the number of cases.
 *
 * <pre>java … dk.klaremaal.demo.CaseEventGenerator --cases 1000000 [--seed 1] [--from 2023] [--to 2026-11-24] [--out events.csv]</pre>
 */
public final class CaseEventGenerator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A case type to generate for, its share of the cases and its typical processing time. */
    public record Target(String organisation, String caseType, boolean completionStart, int weight, double medianDays, double sigma) {
    }

    /** What a run wrote. */
    public record Summary(long cases, long events, long duplicates, long openCases) {
    }

    private final List<Target> targets;
    private final int[] cumulative;
    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    CaseEventGenerator(List<Target> targets) {
        this.targets = List.copyOf(targets);
        this.cumulative = new int[targets.size()];
        int sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            sum += targets.get(i).weight();
            cumulative[i] = sum;
        }
    }

    /** The demo catalogue's case types: each municipality's two, and the agencies' from the seed. */
    public static CaseEventGenerator forDemoCatalogue() {
        List<Target> targets = new ArrayList<>();
        SplittableRandom shape = new SplittableRandom(7);
        for (DemoMunicipalities.Municipality m : DemoMunicipalities.all()) {
            if (!m.slug().equals("vejle-kommune")) {
                targets.add(new Target(m.slug(), "byggetilladelse", true, 3, 30 + shape.nextInt(40), 0.55));
            }
            targets.add(new Target(m.slug(), "miljoegodkendelse", true, 1, 60 + shape.nextInt(60), 0.6));
        }
        targets.addAll(seedTargets(shape));
        return new CaseEventGenerator(targets);
    }

    /** Only the case types of the seed goals (the agencies, Vejle and Fredensborg), as {@code DemoSeed} defines them. */
    public static CaseEventGenerator forSeedCatalogue() {
        return new CaseEventGenerator(seedTargets(new SplittableRandom(7)));
    }

    private static List<Target> seedTargets(SplittableRandom shape) {
        List<Target> targets = new ArrayList<>();
        try (InputStream seed = new ClassPathResource("demo/seed.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(seed);
            for (JsonNode t : root.get("caseTypes")) {
                targets.add(new Target(t.get("organisation").asString(), t.get("code").asString(),
                        "completed".equals(t.path("clockStart").asString("received")), 8, 5 + shape.nextInt(40), 0.7));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return targets;
    }

    /** Writes {@code cases} cases received from 1 January {@code fromYear} to {@code lastDay}; events after {@code lastDay} are left out. */
    public Summary write(Writer out, long cases, long seed, int fromYear, LocalDate lastDay) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        int span = (int) (lastDay.toEpochDay() - first.toEpochDay()) + 1;
        out.write("event_id,organisation,case_type,case_id,event,occurred_at\n");
        List<String> late = new ArrayList<>();
        long events = 0;
        long duplicates = 0;
        long open = 0;
        StringBuilder line = new StringBuilder(160);
        List<String[]> caseEvents = new ArrayList<>(8);
        for (long n = 1; n <= cases; n++) {
            Target target = pick(random);
            LocalDate received = nextWorkingDay(first.plusDays(random.nextInt(span)));
            if (received.isAfter(lastDay)) {
                received = previousWorkingDay(lastDay);
            }
            caseEvents.clear();
            caseEvents.add(new String[]{"received", at(received, 8, random)});
            LocalDate clock = received;
            if (target.completionStart()) {
                clock = nextWorkingDay(received.plusDays(random.nextInt(15)));
                if (clock.isAfter(lastDay)) {
                    open++;
                    long written = emit(out, line, late, caseEvents, target, n, received, seed, random);
                    events += written;
                    duplicates += written - caseEvents.size();
                    continue;
                }
                caseEvents.add(new String[]{"completed", at(clock, 10, random)});
            }
            int days = Math.max(1, (int) Math.round(target.medianDays() * Math.exp(target.sigma() * random.nextGaussian())));
            LocalDate decided = nextWorkingDay(clock.plusDays(days));
            if (random.nextInt(100) < 12 && days > 4) {
                LocalDate paused = nextWorkingDay(clock.plusDays(1 + random.nextInt(days - 2)));
                LocalDate resumed = nextWorkingDay(paused.plusDays(3 + random.nextInt(18)));
                if (resumed.isBefore(decided) || resumed.isAfter(lastDay)) {
                    if (!paused.isAfter(lastDay)) {
                        caseEvents.add(new String[]{"paused", at(paused, 11, random)});
                    }
                    if (!resumed.isAfter(lastDay)) {
                        caseEvents.add(new String[]{"resumed", at(resumed, 12, random)});
                        decided = nextWorkingDay(decided.plusDays(resumed.toEpochDay() - paused.toEpochDay()));
                    } else {
                        decided = lastDay.plusDays(1);
                    }
                }
            }
            if (decided.isAfter(lastDay)) {
                open++;
            } else {
                caseEvents.add(new String[]{"decided", at(decided, 13, random)});
                if (random.nextInt(1000) < 15) {
                    LocalDate reopened = nextWorkingDay(decided.plusDays(7 + random.nextInt(54)));
                    LocalDate again = nextWorkingDay(reopened.plusDays(2 + random.nextInt(14)));
                    if (!reopened.isAfter(lastDay)) {
                        caseEvents.add(new String[]{"reopened", at(reopened, 9, random)});
                        if (!again.isAfter(lastDay)) {
                            caseEvents.add(new String[]{"decided", at(again, 13, random)});
                        } else {
                            open++;
                        }
                    }
                }
            }
            long written = emit(out, line, late, caseEvents, target, n, received, seed, random);
            events += written;
            duplicates += written - caseEvents.size();
        }
        for (String l : late) {
            out.write(l);
        }
        return new Summary(cases, events, duplicates, open);
    }

    /** Writes a case's events; a few are sent twice, and the events of a few cases arrive at the end of the file. */
    private static long emit(Writer out, StringBuilder line, List<String> late, List<String[]> caseEvents, Target target, long n,
                             LocalDate received, long seed, SplittableRandom random) throws IOException {
        boolean sentLate = late.size() < 100_000 && random.nextInt(1000) < 5;
        long written = 0;
        for (int i = 0; i < caseEvents.size(); i++) {
            String[] e = caseEvents.get(i);
            line.setLength(0);
            line.append('g').append(seed).append('-').append(n).append('-').append(i + 1).append(',')
                    .append(target.organisation()).append(',').append(target.caseType()).append(',')
                    .append(target.caseType().toUpperCase(java.util.Locale.ROOT)).append('-').append(received.getYear()).append('-').append(seed)
                    .append('-').append(n)
                    .append(',').append(e[0]).append(',').append(e[1]).append('\n');
            String text = line.toString();
            int copies = random.nextInt(1000) < 3 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                if (sentLate) {
                    late.add(text);
                } else {
                    out.write(text);
                }
                written++;
            }
        }
        return written;
    }

    private Target pick(SplittableRandom random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > r) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return targets.get(low);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d, ClosingDays.NONE)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d, ClosingDays.NONE)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static String at(LocalDate date, int hour, SplittableRandom random) {
        LocalDateTime time = date.atTime(hour + random.nextInt(2), random.nextInt(60));
        return ZonedDateTime.of(time, TimeConfiguration.ZONE).format(TIME);
    }

    public static void main(String[] args) throws IOException {
        long cases = 1_000_000;
        long seed = 1;
        int from = 2023;
        LocalDate to = LocalDate.now(TimeConfiguration.ZONE).minusDays(1);
        Path file = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cases" -> cases = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--from" -> from = Integer.parseInt(args[i + 1]);
                case "--to" -> to = LocalDate.parse(args[i + 1]);
                case "--out" -> file = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --cases N --seed S --from YEAR --to YYYY-MM-DD --out FILE");
            }
        }
        long start = System.nanoTime();
        Summary summary;
        try (Writer out = new BufferedWriter(file == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(file), 1 << 16)) {
            summary = forDemoCatalogue().write(out, cases, seed, from, to);
        }
        System.err.printf("%d cases, %d events (%d sent twice), %d still open, in %.1f s%n", summary.cases(), summary.events(),
                summary.duplicates(), summary.openCases(), (System.nanoTime() - start) / 1e9);
    }
}
