package vn.commune.petition.domain.deadline;

import java.time.LocalDate;

/** How a closed petition did against its deadline, as in the one-stop-shop tables. */
public enum Timeliness {
    /** Sớm hạn: closed before the due date. */
    EARLY,
    /** Đúng hạn: closed on the due date. */
    ON_TIME,
    /** Trễ hạn: closed after the due date. */
    LATE;

    /** The timeliness of a closure on {@code closedOn} against {@code dueOn}; null if either is unknown. */
    public static Timeliness of(LocalDate closedOn, LocalDate dueOn) {
        if (closedOn == null || dueOn == null) {
            return null;
        }
        int compared = closedOn.compareTo(dueOn);
        return compared < 0 ? EARLY : compared == 0 ? ON_TIME : LATE;
    }
}
