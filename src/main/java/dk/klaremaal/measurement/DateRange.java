package dk.klaremaal.measurement;

import java.time.LocalDate;
import java.util.List;

/** The days from {@code from} to {@code to}, both included, in Europe/Copenhagen. */
public record DateRange(LocalDate from, LocalDate to) {

    /**
     * SQL that turns the parameters {@code :froms} and {@code :tos} into rows {@code r(from_day, to_day, i)},
     * i counting from 1 in the order given.
     */
    static final String SQL = "unnest(cast(:froms as text[])::date[], cast(:tos as text[])::date[]) with ordinality as r(from_day, to_day, i)";

    static String[] froms(List<DateRange> ranges) {
        return ranges.stream().map(r -> r.from().toString()).toArray(String[]::new);
    }

    static String[] tos(List<DateRange> ranges) {
        return ranges.stream().map(r -> r.to().toString()).toArray(String[]::new);
    }
}
