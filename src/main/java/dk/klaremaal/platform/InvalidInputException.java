package dk.klaremaal.platform;

import java.util.List;

/** Input that breaks a rule; carries every problem found, each naming its field. */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String reason) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
