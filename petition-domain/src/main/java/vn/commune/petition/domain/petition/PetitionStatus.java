package vn.commune.petition.domain.petition;

/** Trạng thái đơn: where a petition stands in its lifecycle. */
public enum PetitionStatus {
    RECEIVED(false),
    ACCEPTED(false),
    /** Tạm đình chỉ: a complaint's resolution suspended (Luật 136/2025/QH15); still open. */
    SUSPENDED(false),
    RESOLVED(true),
    ESCALATED(true),
    FORWARDED(true),
    GUIDED(true),
    REJECTED(true),
    ARCHIVED(true),
    WITHDRAWN(true),
    /** Đình chỉ: a complaint's resolution terminated (Luật 136/2025/QH15). */
    TERMINATED(true);

    private final boolean closed;

    PetitionStatus(boolean closed) {
        this.closed = closed;
    }

    /** Whether the petition is closed and takes no further step. */
    public boolean closed() {
        return closed;
    }
}
