package dk.klaremaal.demo;

import dk.klaremaal.platform.RawRow;
import dk.klaremaal.measurement.WorkingDayCalendar;
import dk.klaremaal.catalogue.ClosingDays;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates plausible case events for one case type, deterministic by seed: receipts on weekdays,
 * processing times drawn per year, some pauses and reopened cases, and cases still open at the end.
 */
final class DemoCaseGenerator {

    /**
     * How one year's cases behave: {@code shareFast} of them finish within {@code fastDays}, the rest later; or, with a
     * {@code medianDays} above 0, days drawn from a log-normal distribution with that median and {@code sigma}, as real
     * processing times are (most cases fairly quick, a long tail of slow ones that pulls the mean up).
     */
    record YearProfile(int year, int cases, double shareFast, int fastDays, int slowDays, double medianDays, double sigma) {

        YearProfile(int year, int cases, double shareFast, int fastDays, int slowDays) {
            this(year, cases, shareFast, fastDays, slowDays, 0, 0);
        }

        /** Log-normal processing times with the given median (days) and spread. */
        static YearProfile logNormal(int year, int cases, double medianDays, double sigma) {
            return new YearProfile(year, cases, 0, 0, 0, medianDays, sigma);
        }
    }

    /** The longest processing time a log-normal profile draws, in days. */
    static final int LONGEST_DRAWN = 730;

    record CaseTypeProfile(String organisation, String caseType, boolean workingDays, boolean completionStart,
                           boolean excludePauses, List<YearProfile> years) {
    }

    private final WorkingDayCalendar calendar;
    private final LocalDate lastDay;

    DemoCaseGenerator(WorkingDayCalendar calendar, LocalDate lastDay) {
        this.calendar = calendar;
        this.lastDay = lastDay;
    }

    List<RawRow> generate(CaseTypeProfile profile, long seed) {
        Random random = new Random(seed);
        List<RawRow> rows = new ArrayList<>();
        int caseNumber = 0;
        for (YearProfile year : profile.years()) {
            for (int i = 0; i < year.cases(); i++) {
                caseNumber++;
                String caseId = profile.caseType().toUpperCase() + "-" + year.year() + "-" + "%05d".formatted(caseNumber);
                LocalDate received = weekday(LocalDate.of(year.year(), 1, 1).plusDays(random.nextInt(365)));
                if (received.isAfter(lastDay) || received.getYear() != year.year()) {
                    continue;
                }
                List<String[]> events = new ArrayList<>();
                events.add(new String[]{"received", at(received, 8, random)});
                LocalDate clockStart = received;
                if (profile.completionStart()) {
                    clockStart = weekday(received.plusDays(random.nextInt(21)));
                    if (clockStart.isAfter(lastDay)) {
                        // Not complete yet: only the receipt is known.
                        addRows(rows, profile, caseId, events);
                        continue;
                    }
                    events.add(new String[]{"completed", at(clockStart, 10, random)});
                }
                int days = year.medianDays() > 0
                        ? (int) Math.min(LONGEST_DRAWN, Math.round(year.medianDays() * Math.exp(year.sigma() * random.nextGaussian())))
                        : random.nextDouble() < year.shareFast()
                        ? random.nextInt(year.fastDays() + 1)
                        : year.fastDays() + 1 + random.nextInt(Math.max(1, year.slowDays() - year.fastDays()));
                int pauseDays = 0;
                if (profile.excludePauses() && days >= 3 && random.nextDouble() < 0.15) {
                    pauseDays = 3 + random.nextInt(20);
                    LocalDate paused = add(clockStart, 1 + random.nextInt(days - 1), profile.workingDays());
                    LocalDate resumed = add(paused, pauseDays, profile.workingDays());
                    if (resumed.isAfter(lastDay)) {
                        pauseDays = 0;
                    } else {
                        events.add(new String[]{"paused", at(paused, 12, random)});
                        events.add(new String[]{"resumed", at(resumed, 12, random)});
                    }
                }
                LocalDate decided = add(clockStart, days + pauseDays, profile.workingDays());
                if (!decided.isBefore(lastDay)) {
                    // Not decided yet: stays open past the last day of the data.
                    addRows(rows, profile, caseId, events);
                    continue;
                }
                events.add(new String[]{"decided", at(decided, 13, random)});
                if (random.nextDouble() < 0.02) {
                    LocalDate reopened = decided.plusDays(7 + random.nextInt(30));
                    LocalDate decidedAgain = weekday(reopened.plusDays(1 + random.nextInt(5)));
                    if (decidedAgain.isBefore(lastDay)) {
                        events.add(new String[]{"reopened", at(reopened, 9, random)});
                        events.add(new String[]{"decided", at(decidedAgain, 13, random)});
                    }
                }
                addRows(rows, profile, caseId, events);
            }
        }
        return rows;
    }

    private void addRows(List<RawRow> rows, CaseTypeProfile profile, String caseId, List<String[]> events) {
        int n = 0;
        for (String[] e : events) {
            n++;
            rows.add(new RawRow(rows.size() + 1, java.util.Map.of("event_id", "demo-" + profile.organisation() + "-" + profile.caseType() + "-" + caseId + "-" + n,
                    "organisation", profile.organisation(), "case_type", profile.caseType(), "case_id", caseId,
                    "event", e[0], "occurred_at", e[1])));
        }
    }

    private LocalDate add(LocalDate from, int days, boolean workingDays) {
        return workingDays ? calendar.addWorkingDays(from, days, ClosingDays.NONE) : from.plusDays(days);
    }

    private static LocalDate weekday(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** A time within two hours from {@code hour}; each kind of event has its own slot so same-day events keep their order. */
    private static String at(LocalDate date, int hour, Random random) {
        LocalDateTime time = LocalDateTime.of(date, LocalTime.of(hour + random.nextInt(2), random.nextInt(60)));
        return ZonedDateTime.of(time, TimeConfiguration.ZONE).toOffsetDateTime().toString();
    }
}
