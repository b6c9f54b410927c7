package dk.klaremaal.demo;

import dk.klaremaal.platform.RawRow;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Generates plausible contacts, survey answers, downtime and reported values, deterministic by seed. */
final class DemoMeasurements {

    private final Random random;

    DemoMeasurements(long seed) {
        this.random = new Random(seed);
    }

    /** How one year's contacts on a channel behave. */
    record ContactYear(int year, int contacts, double shareFast, int fastLimit, int slowLimit, double abandoned, double activeService) {
    }

    /**
     * Phone calls (waits in seconds, {@code phone = true}) or letters and e-mails (waits in days), on
     * weekdays in office hours; {@code shareFast} are answered within {@code fastLimit}.
     */
    List<RawRow> contacts(String organisation, String channel, boolean phone, List<ContactYear> years) {
        List<RawRow> rows = new ArrayList<>();
        for (ContactYear y : years) {
            for (int i = 0; i < y.contacts(); i++) {
                LocalDate day = weekday(LocalDate.of(y.year(), 1, 1).plusDays(random.nextInt(365)));
                ZonedDateTime offered = LocalDateTime.of(day, java.time.LocalTime.of(8 + random.nextInt(8), random.nextInt(60),
                        random.nextInt(60))).atZone(TimeConfiguration.ZONE);
                Map<String, String> row = new HashMap<>();
                row.put("contact_id", channel + "-" + y.year() + "-" + i);
                row.put("organisation", organisation);
                row.put("channel", channel);
                row.put("offered_at", offered.toOffsetDateTime().toString());
                if (random.nextDouble() < y.abandoned()) {
                    row.put("abandoned", "true");
                } else {
                    int wait = random.nextDouble() < y.shareFast() ? random.nextInt(y.fastLimit() + 1)
                            : y.fastLimit() + 1 + random.nextInt(Math.max(1, y.slowLimit() - y.fastLimit()));
                    ZonedDateTime answered = phone ? offered.plusSeconds(wait) : offered.plusDays(wait).withHour(11);
                    if (answered.isBefore(offered)) {
                        answered = offered;
                    }
                    row.put("answered_at", answered.toOffsetDateTime().toString());
                    row.put("outcome", random.nextDouble() < y.activeService() ? "active-service" : "referred");
                }
                rows.add(new RawRow(rows.size() + 1, row));
            }
        }
        return rows;
    }

    /**
     * Survey answers: per year, respondents and the weight of each answer 1..N. The years are drawn in order: the
     * order of a {@code Map.of} changes from one JVM to the next, and with it every number drawn after it.
     */
    List<RawRow> responses(String organisation, String survey, String question, Map<Integer, double[]> weightsByYear, int perYear) {
        List<RawRow> rows = new ArrayList<>();
        new TreeMap<>(weightsByYear).forEach((year, weights) -> {
            for (int i = 0; i < perYear; i++) {
                LocalDate day = LocalDate.of(year, 9, 1).plusDays(random.nextInt(60));
                rows.add(new RawRow(rows.size() + 1, Map.of("response_id", survey + "-" + year + "-" + i, "organisation", organisation,
                        "survey", survey, "question", question, "answered_on", day.toString(), "score", String.valueOf(draw(weights)))));
            }
        });
        return rows;
    }

    /** Respondents at each answer for one aggregate report. */
    List<Long> counts(double[] weights, int respondents) {
        long[] counts = new long[weights.length];
        for (int i = 0; i < respondents; i++) {
            counts[draw(weights) - 1]++;
        }
        List<Long> list = new ArrayList<>();
        for (long c : counts) {
            list.add(c);
        }
        return list;
    }

    /** Downtime intervals: per year (in order, as for answers), the number of outages and their longest duration in minutes. */
    List<RawRow> downtime(String organisation, String system, Map<Integer, int[]> outagesAndMaxMinutes) {
        List<RawRow> rows = new ArrayList<>();
        new TreeMap<>(outagesAndMaxMinutes).forEach((year, spec) -> {
            for (int i = 0; i < spec[0]; i++) {
                ZonedDateTime start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)).atTime(random.nextInt(24), random.nextInt(60))
                        .atZone(TimeConfiguration.ZONE);
                ZonedDateTime end = start.plusMinutes(5 + random.nextInt(spec[1]));
                rows.add(new RawRow(rows.size() + 1, Map.of("downtime_id", system + "-" + year + "-" + i, "organisation", organisation,
                        "system", system, "started_at", start.toOffsetDateTime().toString(), "ended_at", end.toOffsetDateTime().toString())));
            }
        });
        return rows;
    }

    /** A reported value row. */
    static RawRow value(int row, String organisation, String series, String period, Object value, String reportedBy) {
        return new RawRow(row, Map.of("organisation", organisation, "series", series, "period", period, "value", String.valueOf(value),
                "reported_by", reportedBy));
    }

    private int draw(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i + 1;
            }
        }
        return weights.length;
    }

    private static LocalDate weekday(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
