package dk.klaremaal.measurement;

import dk.klaremaal.catalogue.ClockStart;
import dk.klaremaal.platform.TimeConfiguration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one case's events and counts its processing time by the rules the product publishes:
 * local dates in Copenhagen; an active interval runs from the start event to the next pause or
 * decision, and resumed/reopened open a new one; calendar days of an interval are b − a, working days
 * the working days d with a &lt; d ≤ b; the case's time is the sum over its intervals.
 */
public final class CaseClock {

    /** Counts the working days d with from &lt; d ≤ to. */
    @FunctionalInterface
    public interface WorkingDays {
        int between(LocalDate from, LocalDate to);
    }

    public record Interval(LocalDate from, LocalDate to) {
    }

    /** A stretch during which the case was open; {@code closedOn} is null while it still is. */
    public record Span(LocalDate openedOn, LocalDate closedOn) {
    }

    /**
     * What a case's events add up to. The processing times are null while the case is open, and
     * for a case decided without its clock ever starting (never completed where the clock starts at
     * completion): such a case has no processing time to count.
     */
    public record Timeline(LocalDate receivedOn, boolean open, LocalDate lastDecidedOn, Integer calendarDays,
                           Integer workingDays, List<Span> spans, List<Interval> activeIntervals) {
    }

    /** An event that makes no sense in the state the case is in at that moment. */
    public static final class SequenceException extends RuntimeException {
        private final CaseEvent event;

        SequenceException(CaseEvent event, String reason) {
            super(reason);
            this.event = event;
        }

        public CaseEvent event() {
            return event;
        }
    }

    private CaseClock() {
    }

    /** Replays events that are already in {@link CaseEvent#APPLY_ORDER}. */
    public static Timeline replay(List<CaseEvent> events, ClockStart clockStart, boolean excludePauses, WorkingDays workingDays) {
        LocalDate receivedOn = null;
        LocalDate completedOn = null;
        LocalDate lastDecidedOn = null;
        LocalDate spanStart = null;
        LocalDate intervalStart = null;
        boolean open = false;
        boolean paused = false;
        boolean clockStarted = false;
        List<Span> spans = new ArrayList<>();
        List<Interval> intervals = new ArrayList<>();

        for (CaseEvent event : events) {
            LocalDate date = event.occurredAt().atZone(TimeConfiguration.ZONE).toLocalDate();
            if (receivedOn == null && event.kind() != CaseEventKind.RECEIVED) {
                throw new SequenceException(event, "the case has no 'received' event before this '" + event.kind().code() + "' event");
            }
            switch (event.kind()) {
                case RECEIVED -> {
                    if (receivedOn != null) {
                        throw new SequenceException(event, "the case was already received on " + receivedOn);
                    }
                    receivedOn = date;
                    spanStart = date;
                    open = true;
                    if (clockStart == ClockStart.RECEIVED) {
                        clockStarted = true;
                        intervalStart = date;
                    }
                }
                case COMPLETED -> {
                    requireOpen(event, open, lastDecidedOn);
                    if (completedOn != null) {
                        throw new SequenceException(event, "the case was already completed on " + completedOn);
                    }
                    completedOn = date;
                    if (clockStart == ClockStart.COMPLETED) {
                        clockStarted = true;
                        if (!(paused && excludePauses)) {
                            intervalStart = date;
                        }
                    }
                }
                case PAUSED -> {
                    requireOpen(event, open, lastDecidedOn);
                    if (paused) {
                        throw new SequenceException(event, "the case is already paused");
                    }
                    paused = true;
                    if (excludePauses && intervalStart != null) {
                        intervals.add(new Interval(intervalStart, date));
                        intervalStart = null;
                    }
                }
                case RESUMED -> {
                    requireOpen(event, open, lastDecidedOn);
                    if (!paused) {
                        throw new SequenceException(event, "the case is not paused, so it cannot be resumed");
                    }
                    paused = false;
                    if (excludePauses && clockStarted) {
                        intervalStart = date;
                    }
                }
                case DECIDED -> {
                    requireOpen(event, open, lastDecidedOn);
                    if (intervalStart != null) {
                        intervals.add(new Interval(intervalStart, date));
                        intervalStart = null;
                    }
                    spans.add(new Span(spanStart, date));
                    open = false;
                    paused = false;
                    lastDecidedOn = date;
                }
                case REOPENED -> {
                    if (open) {
                        throw new SequenceException(event, "the case is open; only a decided case can be reopened");
                    }
                    open = true;
                    spanStart = date;
                    if (clockStarted) {
                        intervalStart = date;
                    }
                }
            }
        }
        if (receivedOn == null) {
            throw new IllegalArgumentException("a case needs at least one event");
        }
        if (open) {
            spans.add(new Span(spanStart, null));
        }
        Integer calendar = null;
        Integer working = null;
        if (!open && clockStarted) {
            int c = 0;
            int w = 0;
            for (Interval interval : intervals) {
                c += (int) ChronoUnit.DAYS.between(interval.from(), interval.to());
                w += workingDays.between(interval.from(), interval.to());
            }
            calendar = c;
            working = w;
        }
        return new Timeline(receivedOn, open, open ? null : lastDecidedOn, calendar, working, List.copyOf(spans), List.copyOf(intervals));
    }

    private static void requireOpen(CaseEvent event, boolean open, LocalDate lastDecidedOn) {
        if (!open) {
            throw new SequenceException(event, "the case was decided on " + lastDecidedOn
                    + " and not reopened, so it cannot be '" + event.kind().code() + "'");
        }
    }
}
