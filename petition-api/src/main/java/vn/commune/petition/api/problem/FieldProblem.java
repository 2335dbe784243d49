package vn.commune.petition.api.problem;

/**
 * One invalid field of a request: its path (such as {@code petitioners[0].fullName}) and what is
 * wrong. A path is cut at 200 characters: a field's name may be the client's own, 50,000 long.
 */
public record FieldProblem(String field, String message) {

    public FieldProblem {
        field = field.length() > 200 ? field.substring(0, 200) + "…" : field;
    }
}
