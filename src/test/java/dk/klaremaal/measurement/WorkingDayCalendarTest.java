package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.catalogue.ClosingDays;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();
    private final ClosingDays open = ClosingDays.NONE;
    private final ClosingDays closesExtra = new ClosingDays(true, true, true);

    @Test
    void danishPublicHolidaysAreNotWorkingDays() {
        // Easter 2024: Maundy Thursday 28/3, Good Friday 29/3, Easter Monday 1/4; Ascension 9/5; Whit Monday 20/5.
        for (String holiday : new String[]{"2024-01-01", "2024-03-28", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20",
                "2024-12-25", "2024-12-26"}) {
            assertThat(calendar.isWorkingDay(LocalDate.parse(holiday), open)).as(holiday).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-04-02"), open)).isTrue();
    }

    @Test
    void greatPrayerDayIsAHolidayUntil2023Only() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-05-05"), open)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2024-04-26"), open)).isTrue();
    }

    @Test
    void countsWorkingDaysAfterTheStartUpToAndIncludingTheEnd() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-03-22"), LocalDate.parse("2024-03-25"), open))
                .as("received Friday, decided Monday").isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-03-22"), LocalDate.parse("2024-03-22"), open)).isZero();
        // Wed 27/3 → Wed 3/4 2024: Thu, Fri, Mon are Easter holidays; Tue 2/4 and Wed 3/4 count.
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-03-27"), LocalDate.parse("2024-04-03"), open)).isEqualTo(2);
    }

    @Test
    void extraClosingDaysAreConfigurablePerInstitution() {
        // Mon 23/12 → Fri 27/12 2024: 24/12 counts only where the institution is open; 25 and 26 never.
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-23"), LocalDate.parse("2024-12-27"), open)).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-23"), LocalDate.parse("2024-12-27"), closesExtra)).isEqualTo(1);
        // Constitution Day, Wednesday 5 June 2024.
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-06-04"), LocalDate.parse("2024-06-06"), open)).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-06-04"), LocalDate.parse("2024-06-06"), closesExtra)).isEqualTo(1);
        // New Year's Eve, Tuesday 31/12/2024, then New Year's Day.
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-30"), LocalDate.parse("2025-01-02"), closesExtra)).isEqualTo(1);
    }

    @Test
    void addingWorkingDaysSkipsWeekendsAndHolidays() {
        assertThat(calendar.addWorkingDays(LocalDate.parse("2024-03-27"), 2, open)).isEqualTo(LocalDate.parse("2024-04-03"));
        assertThat(calendar.addWorkingDays(LocalDate.parse("2024-03-22"), 1, open)).isEqualTo(LocalDate.parse("2024-03-25"));
    }

    @Test
    void countsTheSameAsGoingThroughTheDaysOneByOne() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4_000));
            LocalDate to = from.plusDays(random.nextInt(900) - 10);
            ClosingDays closing = i % 2 == 0 ? open : closesExtra;
            int expected = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                expected += calendar.isWorkingDay(d, closing) ? 1 : 0;
            }
            assertThat(calendar.workingDaysBetween(from, to, closing)).as(from + " → " + to + " " + closing).isEqualTo(expected);
        }
    }
}
