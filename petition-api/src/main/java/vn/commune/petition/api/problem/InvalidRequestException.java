package vn.commune.petition.api.problem;

import java.util.List;

/** A request whose shape is wrong: answered 400 with every invalid field, and nothing written. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request: " + problems.size() + " field(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
