package dk.klaremaal.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as the lower-case codes used in the database, the API and CSV files. */
public final class Codes {

    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant with this code, or an error that names what was expected. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(code)) {
                return value;
            }
        }
        String shown = code != null && code.length() > 80 ? code.substring(0, 80) + "…" : code;
        throw new IllegalArgumentException("unknown " + what + " '" + shown + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", ")));
    }
}
