package vn.commune.petition.api.write;

/** The same Idempotency-Key sent with a different request: answered 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key reused with a different request");
    }
}
