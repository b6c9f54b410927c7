package dk.klaremaal.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.klaremaal.catalogue.ClockStart;
import dk.klaremaal.platform.RowFields;
import dk.klaremaal.catalogue.ClosingDays;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked processing times; each expected number is counted out in the comment above it. */
class CaseClockTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    private CaseClock.Timeline replay(ClockStart start, boolean excludePauses, String... kindAndTime) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < kindAndTime.length; i += 2) {
            events.add(new CaseEvent("e" + i, 1, "case", CaseEventKind.fromCode(kindAndTime[i]),
                    OffsetDateTime.parse(kindAndTime[i + 1]).toInstant()));
        }
        events.sort(CaseEvent.APPLY_ORDER);
        return CaseClock.replay(events, start, excludePauses, (a, b) -> calendar.workingDaysBetween(a, b, ClosingDays.NONE));
    }

    @Test
    void simpleCaseInCalendarAndWorkingDays() {
        // Fri 1/3 → Mon 11/3 2024: 10 calendar days; working days 4–8/3 and 11/3 = 6.
        var t = replay(ClockStart.RECEIVED, true, "received", "2024-03-01T10:00+01:00", "decided", "2024-03-11T09:00+01:00");
        assertThat(t.calendarDays()).isEqualTo(10);
        assertThat(t.workingDays()).isEqualTo(6);
        assertThat(t.lastDecidedOn()).isEqualTo(LocalDate.parse("2024-03-11"));
        assertThat(t.open()).isFalse();
    }

    @Test
    void sameDayDecisionIsZeroDays() {
        var t = replay(ClockStart.RECEIVED, true, "received", "2024-03-01T08:00+01:00", "decided", "2024-03-01T15:00+01:00");
        assertThat(t.calendarDays()).isZero();
        assertThat(t.workingDays()).isZero();
    }

    @Test
    void pausesAreLeftOutWhenTheCaseTypeSaysSo() {
        // Mon 4/3 → paused Wed 6/3 = 2; resumed Mon 11/3 → decided Wed 13/3 = 2; total 4 (working days 5,6 + 12,13 = 4).
        String[] events = {"received", "2024-03-04T09:00+01:00", "paused", "2024-03-06T09:00+01:00",
                "resumed", "2024-03-11T09:00+01:00", "decided", "2024-03-13T09:00+01:00"};
        var excluded = replay(ClockStart.RECEIVED, true, events);
        assertThat(excluded.calendarDays()).isEqualTo(4);
        assertThat(excluded.workingDays()).isEqualTo(4);
        // Counted: 4/3 → 13/3 = 9 calendar days; working 5,6,7,8,11,12,13 = 7.
        var counted = replay(ClockStart.RECEIVED, false, events);
        assertThat(counted.calendarDays()).isEqualTo(9);
        assertThat(counted.workingDays()).isEqualTo(7);
    }

    @Test
    void aCaseDecidedWhilePausedStopsAtThePause() {
        var t = replay(ClockStart.RECEIVED, true, "received", "2024-03-04T09:00+01:00", "paused", "2024-03-06T09:00+01:00",
                "decided", "2024-03-20T09:00+01:00");
        assertThat(t.calendarDays()).isEqualTo(2);
    }

    @Test
    void reopenedCaseAddsItsNewIntervalAndBelongsToItsLastDecision() {
        // 1/5 → 11/5 = 10; reopened 1/6 → decided 4/6 = 3; total 13, decided 4/6.
        var t = replay(ClockStart.RECEIVED, true, "received", "2024-05-01T09:00+02:00", "decided", "2024-05-11T09:00+02:00",
                "reopened", "2024-06-01T09:00+02:00", "decided", "2024-06-04T09:00+02:00");
        assertThat(t.calendarDays()).isEqualTo(13);
        assertThat(t.lastDecidedOn()).isEqualTo(LocalDate.parse("2024-06-04"));
        assertThat(t.spans()).containsExactly(
                new CaseClock.Span(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-11")),
                new CaseClock.Span(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-04")));
    }

    @Test
    void aReopenedCaseIsOpenUntilDecidedAgain() {
        var t = replay(ClockStart.RECEIVED, true, "received", "2024-05-01T09:00+02:00", "decided", "2024-05-11T09:00+02:00",
                "reopened", "2024-06-01T09:00+02:00");
        assertThat(t.open()).isTrue();
        assertThat(t.calendarDays()).isNull();
        assertThat(t.lastDecidedOn()).isNull();
        assertThat(t.spans().getLast()).isEqualTo(new CaseClock.Span(LocalDate.parse("2024-06-01"), null));
    }

    @Test
    void clockStartingAtCompletionIgnoresTimeBeforeIt() {
        // Completed Sat 10/2 → decided Tue 20/2 2024 = 10 calendar days (not 19); working 12–16/2, 19, 20 = 7.
        var t = replay(ClockStart.COMPLETED, true, "received", "2024-02-01T09:00+01:00", "completed", "2024-02-10T09:00+01:00",
                "decided", "2024-02-20T09:00+01:00");
        assertThat(t.calendarDays()).isEqualTo(10);
        assertThat(t.workingDays()).isEqualTo(7);
    }

    @Test
    void aCaseNeverCompletedHasNoCountedTimeWhereTheClockStartsAtCompletion() {
        var t = replay(ClockStart.COMPLETED, true, "received", "2024-02-01T09:00+01:00", "decided", "2024-02-20T09:00+01:00");
        assertThat(t.open()).isFalse();
        assertThat(t.calendarDays()).isNull();
    }

    @Test
    void localDatesInCopenhagenDecideTheDayAcrossDaylightSavingChanges() {
        // 23:30 UTC on 30/3 is 00:30 on 31/3 in Copenhagen; 21:30 UTC on 1/4 is 23:30 local (summer time): 31/3 → 1/4 = 1 day.
        var spring = replay(ClockStart.RECEIVED, true, "received", "2024-03-30T23:30Z", "decided", "2024-04-01T21:30Z");
        assertThat(spring.calendarDays()).isEqualTo(1);
        // Autumn: Sat 26/10 12:00 (+02) → Mon 28/10 12:00 (+01) is 49 hours but 2 days.
        var autumn = replay(ClockStart.RECEIVED, true, "received", "2024-10-26T12:00+02:00", "decided", "2024-10-28T12:00+01:00");
        assertThat(autumn.calendarDays()).isEqualTo(2);
    }

    @Test
    void eventsThatDoNotFitTheCaseStateAreRefusedWithAReason() {
        assertThatThrownBy(() -> replay(ClockStart.RECEIVED, true, "decided", "2024-03-01T09:00+01:00", "received", "2024-03-02T09:00+01:00"))
                .hasMessageContaining("no 'received' event before");
        assertThatThrownBy(() -> replay(ClockStart.RECEIVED, true, "received", "2024-03-01T09:00+01:00", "resumed", "2024-03-02T09:00+01:00"))
                .hasMessageContaining("not paused");
        assertThatThrownBy(() -> replay(ClockStart.RECEIVED, true, "received", "2024-03-01T09:00+01:00", "reopened", "2024-03-02T09:00+01:00"))
                .hasMessageContaining("only a decided case can be reopened");
        assertThatThrownBy(() -> replay(ClockStart.RECEIVED, true, "received", "2024-03-01T09:00+01:00", "received", "2024-03-02T09:00+01:00"))
                .hasMessageContaining("already received");
        assertThatThrownBy(() -> replay(ClockStart.RECEIVED, true, "received", "2024-03-01T09:00+01:00", "decided", "2024-03-02T09:00+01:00",
                "decided", "2024-03-03T09:00+01:00"))
                .hasMessageContaining("decided on 2024-03-02");
    }

    @Test
    void localTimesAreReadInCopenhagenAndNonexistentOnesRefused() {
        assertThat(RowFields.Times.parseInstant("2024-03-01T09:30")).isEqualTo(OffsetDateTime.parse("2024-03-01T09:30+01:00").toInstant());
        assertThat(RowFields.Times.parseInstant("2024-07-01 09:30")).isEqualTo(OffsetDateTime.parse("2024-07-01T09:30+02:00").toInstant());
        assertThatThrownBy(() -> RowFields.Times.parseInstant("2024-03-31T02:30")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> RowFields.Times.parseInstant("1/3/2024")).hasMessageContaining("ISO-8601");
    }
}
