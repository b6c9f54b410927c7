package dk.klaremaal.goals;

import dk.klaremaal.platform.Codes;
import java.util.EnumSet;
import java.util.Set;

/** What a goal measures, and which statistics each kind offers. */
public enum IndicatorKind {
    /** The processing time of a case type's decided cases. */
    PROCESSING_TIME(Indicator.Statistic.MEAN, Indicator.Statistic.MEDIAN, Indicator.Statistic.PERCENTILE, Indicator.Statistic.SHARE_WITHIN),
    /** Calls, e-mails and letters to a channel: response times, outcomes, missed contacts. */
    CONTACTS(Indicator.Statistic.SHARE_WITHIN, Indicator.Statistic.MEAN, Indicator.Statistic.MEDIAN, Indicator.Statistic.PERCENTILE,
            Indicator.Statistic.SHARE_OUTCOME, Indicator.Statistic.MISSED_COUNT),
    /** Answers to a survey question. */
    SATISFACTION(Indicator.Statistic.SHARE_AT_LEAST, Indicator.Statistic.MEAN, Indicator.Statistic.COMPOUND),
    /** The share of time a self-service solution is up. */
    AVAILABILITY(Indicator.Statistic.UPTIME),
    /** A reported count, or the number of decided cases of a case type. */
    COUNT(Indicator.Statistic.SUM),
    /** A reported count divided by another count or by the decided cases of a case type, in percent. */
    RATIO(Indicator.Statistic.RATIO),
    /** A value entered by hand, with who entered it and when. */
    REPORTED(Indicator.Statistic.VALUE),
    /** Milestones done by their due dates. */
    MILESTONES(Indicator.Statistic.SHARE_DONE),
    /**
     * The service-goal agreement: the decided cases of every case type of one service that has a service goal,
     * each judged against its own case type's number of calendar days (share within), and their mean.
     */
    SERVICE_GOAL(Indicator.Statistic.SHARE_WITHIN, Indicator.Statistic.MEAN);

    private final Set<Indicator.Statistic> statistics;

    IndicatorKind(Indicator.Statistic first, Indicator.Statistic... rest) {
        this.statistics = EnumSet.of(first, rest);
    }

    public Set<Indicator.Statistic> statistics() {
        return statistics;
    }

    public String code() {
        return Codes.of(this);
    }

    public static IndicatorKind fromCode(String code) {
        return Codes.parse(IndicatorKind.class, code, "indicator kind");
    }
}
