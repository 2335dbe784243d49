package vn.commune.petition.api.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import vn.commune.petition.api.write.WriteHeaders;

/**
 * The hidden fields of every page form that writes ({@code fragments/forms :: token}): an
 * idempotency key made when the form was shown, so a double click or a form sent again writes once,
 * and the version of the petition (or session) it was shown at, so a form made stale by someone
 * else's step is refused (412) instead of writing over what it did not see.
 */
public record FormToken(String formKey, Long formVersion) {

    /** A token for a form shown now, of something at {@code version} (null: no version to check). */
    public static FormToken fresh(Long version) {
        return new FormToken(UUID.randomUUID().toString(), version);
    }

    /** What the write brings besides its fields, as the API reads it from headers. */
    public WriteHeaders headers(HttpServletRequest request) {
        return new WriteHeaders(formKey == null || formKey.isBlank() ? null : formKey,
                formVersion == null ? null : "\"" + formVersion + "\"",
                request.getMethod() + " " + request.getRequestURI());
    }
}
