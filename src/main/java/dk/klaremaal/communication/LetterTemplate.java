package dk.klaremaal.communication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt letter for a case type in one language: a subject and a body of plain text, where a
 * blank line starts a new paragraph and {@code {{placeholder}}} is filled in per case.
 */
public record LetterTemplate(long caseTypeId, String language, String subject, String body, String updatedBy, Instant updatedAt) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** Every placeholder a template may use, with what it becomes (in Danish, for the editor). */
    public static final Map<String, String> PLACEHOLDERS;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("applicant_name", "ansøgerens navn");
        p.put("case_number", "sagsnummeret");
        p.put("received_date", "datoen, sagen blev modtaget");
        p.put("expected_date", "datoen, ansøgeren kan forvente en afgørelse");
        p.put("expected_time", "den forventede sagsbehandlingstid, fx \"12 dage\"");
        p.put("case_type_name", "sagstypens navn");
        p.put("goal_sentence", "målet for sagstypen i klart sprog");
        p.put("goal_url", "adressen på målets offentlige side");
        p.put("organisation_name", "myndighedens navn");
        p.put("contact_address", "myndighedens adresse");
        p.put("contact_phone", "myndighedens telefonnummer");
        p.put("contact_email", "myndighedens e-mailadresse");
        p.put("contact_website", "myndighedens hjemmeside");
        p.put("today", "dagens dato");
        PLACEHOLDERS = java.util.Collections.unmodifiableMap(p);
    }

    /** Problems with a text: unknown placeholders and stray braces, each named. */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.containsKey(m.group(1))) {
                problems.add("unknown placeholder {{" + m.group(1) + "}}; known are " + String.join(", ", PLACEHOLDERS.keySet()));
            }
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            problems.add("a placeholder is not closed: write it as {{name}}");
        }
        return problems;
    }

    /** The text with each placeholder replaced by {@code escape(value)}; missing values become empty. */
    public static String fill(String text, Map<String, String> values, java.util.function.UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value == null ? "" : value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
