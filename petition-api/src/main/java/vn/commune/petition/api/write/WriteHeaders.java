package vn.commune.petition.api.write;

import java.util.List;
import java.util.regex.Pattern;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;

/**
 * What a write brings besides its body: its {@code Idempotency-Key} (null: none), its {@code If-Match}
 * (null: none) and what it is ({@code POST /api/petitions/…}), which an Idempotency-Key is kept for.
 * The API resolves it from the request's headers (WriteHeadersResolver); a page makes its own.
 */
public record WriteHeaders(String idempotencyKey, String ifMatch, String request) {

    /**
     * An Idempotency-Key is text of printable ASCII (the characters of an RFC 8941 string), as its
     * specification says; a header's bytes beyond ASCII reach the service as Latin-1 guesswork.
     */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    public WriteHeaders {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || !KEY.matcher(idempotencyKey).matches())) {
            throw new InvalidRequestException(List.of(
                    new FieldProblem("Idempotency-Key", "must be 1 to 200 printable ASCII characters")));
        }
    }
}
