package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

/**
 * A figure an organisation reports per period because no system produces it: decisions published,
 * overturned decisions, deadline overruns, a web rating, hours freed. The aggregation says how
 * values of shorter periods add up to a longer one.
 */
public record Series(long id, long organisationId, String code, String name, Unit unit, Aggregation aggregation) {

    public enum Unit {
        COUNT, NUMBER, SCORE, PERCENT, HOURS, DAYS;

        public String code() {
            return Codes.of(this);
        }

        public static Unit fromCode(String code) {
            return Codes.parse(Unit.class, code, "unit");
        }
    }

    /** SUM adds the periods up (counts); LAST takes the latest period's value (ratings); MEAN averages them. */
    public enum Aggregation {
        SUM, LAST, MEAN;

        public String code() {
            return Codes.of(this);
        }

        public static Aggregation fromCode(String code) {
            return Codes.parse(Aggregation.class, code, "aggregation");
        }
    }
}
