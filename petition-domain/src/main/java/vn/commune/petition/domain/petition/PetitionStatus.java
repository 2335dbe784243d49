package vn.commune.petition.domain.petition;

/** Trạng thái đơn: where a petition stands in its lifecycle. */
public enum PetitionStatus {
    RECEIVED(false),
    ACCEPTED(false),
    RESOLVED(true),
    ESCALATED(true),
    FORWARDED(true),
    GUIDED(true),
    REJECTED(true),
    ARCHIVED(true),
    WITHDRAWN(true);

    private final boolean closed;

    PetitionStatus(boolean closed) {
        this.closed = closed;
    }

    /** Whether the petition is closed and takes no further step. */
    public boolean closed() {
        return closed;
    }
}
