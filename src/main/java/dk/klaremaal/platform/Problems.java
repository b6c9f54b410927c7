package dk.klaremaal.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The problem documents (RFC 9457) the API answers with, and what the pages and the API agree on:
 * which errors name a field, and which mean that the database cannot be reached.
 */
public final class Problems {

    /** How long a client is told to wait ({@code Retry-After}, seconds) when the database cannot be reached. */
    public static final int RETRY_AFTER_SECONDS = 30;
    /** The request attribute that carries the fields behind a 400 to the error page and problem document. */
    public static final String FIELD_PROBLEMS = Problems.class.getName() + ".fields";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, List<InvalidInputException.FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setType(URI.create("urn:klaremaal:problem:invalid-input"));
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ProblemDetail unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached just now. Try again in " + RETRY_AFTER_SECONDS + " seconds.");
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("urn:klaremaal:problem:database-unavailable"));
        return problem;
    }

    /** Whether the database could not be reached or was too slow ({@link DatabaseTrouble#causedBy}): a 503 the client may retry. */
    public static boolean databaseUnavailable(Throwable e) {
        return DatabaseTrouble.causedBy(e);
    }

    /** A body that is not the JSON expected: the field where it went wrong (as far as it was read), with line and column. */
    public static List<InvalidInputException.FieldProblem> unreadable(HttpMessageNotReadableException e) {
        JacksonException json = cause(e, JacksonException.class);
        if (json == null) {
            return List.of(new InvalidInputException.FieldProblem("body", "the request body is missing or cannot be read"));
        }
        String field = field(json.getPath());
        String message = json.getOriginalMessage() == null ? "not valid JSON" : json.getOriginalMessage().lines().findFirst().orElse("");
        StringBuilder reason = new StringBuilder(field.equals("body") ? "not valid JSON: " : "").append(message);
        if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            reason.append(" (line ").append(json.getLocation().getLineNr()).append(", column ").append(json.getLocation().getColumnNr()).append(')');
        }
        return List.of(new InvalidInputException.FieldProblem(field, reason.toString()));
    }

    /** A request parameter or path segment that is missing or not of its type, named. */
    public static List<InvalidInputException.FieldProblem> parameter(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            // Worded as FieldLimits' rules, so that pages can say them in the reader's language.
            FieldLimits.Rule rule = m.getRequiredType() == null ? FieldLimits.Rule.NOT_NUMBER : switch (m.getRequiredType().getSimpleName()) {
                case "long", "Long", "int", "Integer" -> FieldLimits.Rule.NOT_WHOLE_NUMBER;
                case "LocalDate" -> FieldLimits.Rule.NOT_DATE;
                default -> FieldLimits.Rule.NOT_NUMBER;
            };
            return List.of(new InvalidInputException.FieldProblem(m.getName(), rule.reason(String.valueOf(m.getValue()))));
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return List.of(new InvalidInputException.FieldProblem(m.getParameterName(), FieldLimits.Rule.REQUIRED.reason()));
        }
        return List.of();
    }

    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
