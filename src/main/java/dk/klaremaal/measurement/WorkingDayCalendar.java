package dk.klaremaal.measurement;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dk.klaremaal.catalogue.ClosingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Danish working days: Monday to Friday except the public holidays (from the jollyday holiday
 * calendar, including Store Bededag until 2023) and the extra days an institution closes.
 */
@Component
public class WorkingDayCalendar {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public boolean isPublicHoliday(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), year -> holidays.getHolidays(Year.of(year)).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet())).contains(date);
    }

    public boolean isWorkingDay(LocalDate date, ClosingDays closing) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isPublicHoliday(date)) {
            return false;
        }
        if (closing.constitutionDay() && date.getMonth() == Month.JUNE && date.getDayOfMonth() == 5) {
            return false;
        }
        if (closing.christmasEve() && date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24) {
            return false;
        }
        return !(closing.newYearsEve() && date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 31);
    }

    /** The number of working days d with from &lt; d ≤ to (received Friday, decided Monday = 1). */
    public int workingDaysBetween(LocalDate from, LocalDate to, ClosingDays closing) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int[] first = workingDaysSoFar(from.getYear(), closing);
        if (from.getYear() == to.getYear()) {
            return first[to.getDayOfYear()] - first[from.getDayOfYear()];
        }
        int count = first[first.length - 1] - first[from.getDayOfYear()];
        for (int year = from.getYear() + 1; year < to.getYear(); year++) {
            int[] whole = workingDaysSoFar(year, closing);
            count += whole[whole.length - 1];
        }
        return count + workingDaysSoFar(to.getYear(), closing)[to.getDayOfYear()];
    }

    private record YearOf(int year, ClosingDays closing) {
    }

    private final Map<YearOf, int[]> soFar = new ConcurrentHashMap<>();

    /** For each day of the year (index 1 = 1 January), the number of working days from 1 January up to and including it. */
    private int[] workingDaysSoFar(int year, ClosingDays closing) {
        return soFar.computeIfAbsent(new YearOf(year, closing), k -> {
            LocalDate day = LocalDate.of(year, 1, 1);
            int[] counts = new int[day.lengthOfYear() + 1];
            for (int i = 1; i < counts.length; i++, day = day.plusDays(1)) {
                counts[i] = counts[i - 1] + (isWorkingDay(day, closing) ? 1 : 0);
            }
            return counts;
        });
    }

    /** The date that lies the given number of working days after {@code from}. */
    public LocalDate addWorkingDays(LocalDate from, int days, ClosingDays closing) {
        LocalDate d = from;
        int remaining = days;
        while (remaining > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d, closing)) {
                remaining--;
            }
        }
        return d;
    }
}
