package vn.commune.petition.domain.petition;

/** Nguồn đơn: how a petition reached the commune. */
public enum Channel {
    /** At the citizen-reception session (tiếp công dân). */
    RECEPTION_SESSION,
    /** Handed in at the office outside a session. */
    IN_PERSON,
    /** By post. */
    POST,
    /** Through the online portal. */
    ONLINE,
    /** From the petition mailbox (hòm thư góp ý). */
    MAILBOX,
    /** Sent on by a deputy, the Fatherland Front, the press or a higher level. */
    FORWARDED
}
