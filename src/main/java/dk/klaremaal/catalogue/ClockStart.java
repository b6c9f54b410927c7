package dk.klaremaal.catalogue;

import java.util.Locale;

/** When a case type's processing-time clock starts. */
public enum ClockStart {
    /** At receipt of the application. */
    RECEIVED,
    /** When the application is complete (fuldt belyst ansøgning). */
    COMPLETED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClockStart fromCode(String code) {
        return switch (code) {
            case "received" -> RECEIVED;
            case "completed" -> COMPLETED;
            default -> throw new IllegalArgumentException("unknown clock start '" + code + "'; expected received or completed");
        };
    }
}
