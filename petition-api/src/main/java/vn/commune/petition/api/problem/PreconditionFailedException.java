package vn.commune.petition.api.problem;

/** An If-Match header that cannot match the petition: answered 412. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
