package dk.klaremaal.catalogue;

import dk.klaremaal.platform.Codes;

/** When a case type's processing-time clock starts. */
public enum ClockStart {
    /** At receipt of the application. */
    RECEIVED,
    /** When the application is complete (fuldt belyst ansøgning). */
    COMPLETED;

    public String code() {
        return Codes.of(this);
    }

    public static ClockStart fromCode(String code) {
        return Codes.parse(ClockStart.class, code, "clock start");
    }
}
