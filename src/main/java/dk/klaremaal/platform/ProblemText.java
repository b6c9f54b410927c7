package dk.klaremaal.platform;

import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refused field as the staff pages say it, in the reader's language: the field's name from
 * {@code <prefix><field>} (list positions left out, so {@code targets[2].value} is
 * {@code field.targets.value}) and the reason from the message bundles when it is one of
 * {@link FieldLimits.Rule}'s, else as the service wrote it.
 */
@Component("problemText")
public class ProblemText {

    private final MessageSource messages;

    ProblemText(MessageSource messages) {
        this.messages = messages;
    }

    public String label(FieldProblem problem, String prefix) {
        // The most specific name there is: "targets.value", else "targets".
        for (String key = problem.field().replaceAll("\\[[0-9]+]", ""); !key.isEmpty();
             key = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "") {
            String label = messages.getMessage(prefix + key, null, null, LocaleContextHolder.getLocale());
            if (label == null && !prefix.equals("field.")) {
                label = messages.getMessage("field." + key, null, null, LocaleContextHolder.getLocale());
            }
            if (label != null) {
                return label + position(problem.field());
            }
        }
        return problem.field();
    }

    /** "targets[2].value" → " (3)": which item of a list, counted from 1. */
    private static String position(String field) {
        var m = java.util.regex.Pattern.compile("\\[([0-9]+)]").matcher(field);
        StringBuilder positions = new StringBuilder();
        while (m.find()) {
            positions.append(positions.isEmpty() ? " (" : ", ").append(Integer.parseInt(m.group(1)) + 1);
        }
        return positions.isEmpty() ? "" : positions.append(')').toString();
    }

    public String reason(FieldProblem problem) {
        return reason(problem, LocaleContextHolder.getLocale());
    }

    public String reason(FieldProblem problem, Locale locale) {
        if (problem.reason().equals("is missing")) {
            return messages.getMessage("problem.missing", null, locale);
        }
        return say(problem.reason(), locale);
    }

    /**
     * A reason or message as a service wrote it, said in the language asked for: from the message
     * bundles when it is one of {@link FieldLimits.Rule}'s or {@link Reason}'s, else as written.
     */
    public String say(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        for (FieldLimits.Rule rule : FieldLimits.Rule.values()) {
            Optional<Object[]> limits = FieldLimits.Rule.limits(rule, text);
            if (limits.isPresent()) {
                return messages.getMessage(rule.key(), limits.get(), text, locale);
            }
        }
        for (Reason reason : Reason.values()) {
            Optional<Object[]> values = reason.values(text);
            if (values.isPresent()) {
                return messages.getMessage(reason.key(), values.get(), text, locale);
            }
        }
        return text;
    }

    /** A text from the message bundles in the language asked for, or null when there is none. */
    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, null, locale);
    }

    /** Every problem said in the language asked for, each field named as sent. */
    public java.util.List<FieldProblem> said(java.util.List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> new FieldProblem(p.field(), reason(p, locale))).toList();
    }
}
