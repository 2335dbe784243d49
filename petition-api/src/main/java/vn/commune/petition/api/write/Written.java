package vn.commune.petition.api.write;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * What a write answered: its status, Location and ETag, its body, and whether it is the answer kept
 * for an Idempotency-Key the request repeated ({@code replayed}), in which case nothing was written.
 */
public record Written<T>(int status, String location, String etag, T body, boolean replayed) {

    /** The same answer with its body made over. */
    public <U> Written<U> map(java.util.function.Function<T, U> body) {
        return new Written<>(status, location, etag, body.apply(this.body), replayed);
    }

    /** The answer as an HTTP response, with its headers. */
    public ResponseEntity<T> response() {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (etag != null) {
            response.eTag(etag);
        }
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(body);
    }
}
