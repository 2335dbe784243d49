package vn.commune.petition.api.problem;

import java.util.UUID;

/** Nothing has this id: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /**
     * {@code id} if it is an id this service gives (a UUID in lower case); anything else names
     * nothing, and is 404 with {@code message} rather than a 400.
     */
    public static String unlessId(String id, String message) {
        try {
            if (UUID.fromString(id).toString().equals(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: names nothing
        }
        throw new NotFoundException(message);
    }
}
