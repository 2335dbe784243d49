package vn.commune.petition.api.problem;

/** One invalid field of a request: its path (such as {@code petitioners[0].fullName}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
