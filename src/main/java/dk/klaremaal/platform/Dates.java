package dk.klaremaal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people read them: Danish "4. september 2026 kl. 02:34", English
 * "4 September 2026, 02:34", always in Copenhagen time ({@link TimeConfiguration#ZONE}), summer or
 * winter. Machines (the API, open data, CSV) keep ISO 8601.
 */
public final class Dates {

    private static final DateTimeFormatter DANISH_DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", LanguageConfiguration.DANISH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DANISH_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH:mm", LanguageConfiguration.DANISH);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Dates() {
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** "4. september 2026" or "4 September 2026". */
    public static String day(LocalDate date, Locale locale) {
        return (english(locale) ? ENGLISH_DAY : DANISH_DAY).format(date);
    }

    /** The moment in Copenhagen: "4. september 2026 kl. 02:34" or "4 September 2026, 02:34". */
    public static String dateTime(Instant instant, Locale locale) {
        return (english(locale) ? ENGLISH_TIME : DANISH_TIME).format(instant.atZone(TimeConfiguration.ZONE));
    }
}
