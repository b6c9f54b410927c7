package dk.klaremaal.platform;

import dk.klaremaal.platform.InvalidInputException.FieldProblem;
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
        if (problem.reason().equals("is missing")) {
            return messages.getMessage("problem.missing", null, LocaleContextHolder.getLocale());
        }
        for (FieldLimits.Rule rule : FieldLimits.Rule.values()) {
            Optional<Object[]> limits = FieldLimits.Rule.limits(rule, problem.reason());
            if (limits.isPresent()) {
                return messages.getMessage(rule.key(), limits.get(), problem.reason(), LocaleContextHolder.getLocale());
            }
        }
        return problem.reason();
    }
}
