package dk.klaremaal.platform;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one order of names: Danish collation, where Æ, Ø and Å follow Z and "Aa" sorts as "Å" (so Aabenraa, Aalborg and
 * Aarhus come last). It agrees with the database's {@code da-x-icu} collation, which the name columns carry, so a list
 * sorted by SQL and one sorted here come out the same.
 */
public final class DanishOrder {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private DanishOrder() {
    }

    /** Compares texts by Danish rules; equal letters in other case or accents are then told apart, so the order is total. */
    public static final Comparator<String> TEXT = (a, b) -> {
        // A collator is not safe to share between threads, so each comparison takes its own (the instance is cached by the JDK).
        Collator collator = Collator.getInstance(DANISH);
        int c = collator.compare(a, b);
        return c != 0 ? c : a.compareTo(b);
    };

    /** Orders things by a name taken from each. */
    public static <T> Comparator<T> by(Function<T, String> name) {
        return Comparator.comparing(name, TEXT);
    }
}
