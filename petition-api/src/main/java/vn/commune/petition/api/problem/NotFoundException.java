package vn.commune.petition.api.problem;

/** Nothing has this id: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
