package dk.klaremaal.platform;

import dk.klaremaal.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented limits of what a person or system may write in the catalogue and goals: the length
 * of texts, that they hold no control characters (NUL cannot be stored and would cut answers short;
 * a line break only where the text has lines), the form of codes, how many items a list may hold and
 * the range of numbers. Each refusal is a {@link Rule}, in English in the API and from the message
 * bundles ({@code rule.*}) on the staff pages.
 */
public final class FieldLimits {

    /** Names of organisations, services, case types, surveys, systems and series; milestone titles. */
    public static final int NAME = 200;
    /** Slugs and codes. */
    public static final int CODE = 80;
    /** A goal's sentence. */
    public static final int SENTENCE = 500;
    /** Short labels: answer labels, scale level labels, dimensions, channel and outcome codes. */
    public static final int LABEL = 100;
    /** Longer texts: a survey question, the evidence that a milestone was reached. */
    public static final int TEXT = 2000;
    /** The largest number a target, threshold, bound or baseline may be. */
    public static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    /** Decimals a target, threshold, bound or baseline may have. */
    public static final int DECIMALS = 10;

    /** The first year a date, period or baseline may lie in. */
    public static final int FIRST_YEAR = 1990;
    /** The last year a date, period or baseline may lie in. */
    public static final int LAST_YEAR = 2100;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private FieldLimits() {
    }

    /** A refusal: its English reason (with %s for its limits) and its message key. */
    public enum Rule {
        EMPTY("must not be empty", "rule.empty"),
        TOO_LONG("must be at most %s characters long", "rule.tooLong"),
        CONTROL("must not contain control characters such as NUL, tab or line breaks", "rule.control"),
        CONTROL_EXCEPT_LINE_BREAKS("must not contain control characters such as NUL or tab; line breaks are allowed", "rule.controlExceptLineBreaks"),
        CONTROL_IN_PARAMETER("must not contain control characters such as NUL", "rule.controlInParameter"),
        CODE("must be lower-case letters a-z, digits and single hyphens, e.g. 'vejle-kommune'", "rule.code"),
        TOO_MANY("must have at most %s items", "rule.tooMany"),
        RANGE("must be from %s to %s", "rule.range"),
        DECIMALS("must have at most %s decimals", "rule.decimals"),
        CHANGE("must be a change from -100% to +1000%", "rule.change"),
        PERSONAL_NOT_LISTED("a case type whose cases concern persons is never listed in Open311; declare concernsPersons false first "
                + "if its cases are about businesses or things", "rule.personalNotListed"),
        SENSITIVE_ONLY_PERSONAL("only a case type whose cases concern persons can concern them in a sensitive way", "rule.sensitiveOnlyPersonal"),
        NOT_WHOLE_NUMBER("'%s' is not a whole number", "rule.notWholeNumber"),
        NOT_NUMBER("'%s' is not a number", "rule.notNumber"),
        NOT_DATE("'%s' is not a date (2025-03-31)", "rule.notDate"),
        REQUIRED("is required", "rule.required"),
        LAST_ADMINISTRATOR("this is the last administrator of all organisations; give another account that role before taking it "
                + "from this one", "rule.lastAdministrator");

        private final String english;
        private final String key;
        private final Pattern pattern;

        Rule(String english, String key) {
            this.english = english;
            this.key = key;
            this.pattern = Pattern.compile(Arrays.stream(english.split("%s", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + "(.+?)" + b).orElseThrow());
        }

        public String key() {
            return key;
        }

        public String reason(Object... limits) {
            return limits.length == 0 ? english : english.formatted(limits);
        }

        public FieldProblem problem(String field, Object... limits) {
            return new FieldProblem(field, reason(limits));
        }

        /** The rule and its limits a reason was written from, for saying it in the reader's language. */
        public static Optional<Object[]> limits(Rule rule, String reason) {
            Matcher m = rule.pattern.matcher(reason);
            if (!m.matches()) {
                return Optional.empty();
            }
            Object[] limits = new Object[m.groupCount()];
            for (int i = 0; i < limits.length; i++) {
                limits[i] = m.group(i + 1);
            }
            return Optional.of(limits);
        }
    }

    /** A required one-line text: not blank, at most {@code max} characters, no control characters. */
    public static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(Rule.EMPTY.problem(field));
        } else {
            text(problems, field, value, max);
        }
    }

    /** An optional one-line text (null passes): at most {@code max} characters, no control characters. */
    public static void text(List<FieldProblem> problems, String field, String value, int max) {
        check(problems, field, value, max, false);
    }

    /** An optional text that may have several lines: at most {@code max} characters, no control characters but line breaks. */
    public static void lines(List<FieldProblem> problems, String field, String value, int max) {
        check(problems, field, value, max, true);
    }

    private static void check(List<FieldProblem> problems, String field, String value, int max, boolean lines) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(Rule.TOO_LONG.problem(field, max));
        }
        if (hasControl(value, lines)) {
            problems.add((lines ? Rule.CONTROL_EXCEPT_LINE_BREAKS : Rule.CONTROL).problem(field));
        }
    }

    /** Whether the text holds a control character (Unicode category Cc), line breaks (LF, CR) allowed when it has lines. */
    public static boolean hasControl(String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    /** A required slug or code: lower-case letters, digits and single hyphens, at most {@value #CODE} characters. */
    public static void code(List<FieldProblem> problems, String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            problems.add(Rule.CODE.problem(field));
        } else if (value.length() > CODE) {
            problems.add(Rule.TOO_LONG.problem(field, CODE));
        }
    }

    /** An optional list (null passes) of at most {@code max} items; false when it has more. */
    public static boolean count(List<FieldProblem> problems, String field, List<?> items, int max) {
        if (items != null && items.size() > max) {
            problems.add(Rule.TOO_MANY.problem(field, max));
            return false;
        }
        return true;
    }

    /** An optional number (null passes) from {@code min} to {@code max} with at most {@value #DECIMALS} decimals. */
    public static boolean range(List<FieldProblem> problems, String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return true;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(Rule.RANGE.problem(field, min.toPlainString(), max.toPlainString()));
            return false;
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            problems.add(Rule.DECIMALS.problem(field, DECIMALS));
            return false;
        }
        return true;
    }
}
