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
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d, closing)) {
                count++;
            }
        }
        return count;
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
