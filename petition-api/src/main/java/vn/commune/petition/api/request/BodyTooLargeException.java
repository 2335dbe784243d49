package vn.commune.petition.api.request;

import java.io.IOException;

/** A body of undeclared length that passed its limit while it was read: answered 413, as a declared one is. */
final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("Request body over " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
