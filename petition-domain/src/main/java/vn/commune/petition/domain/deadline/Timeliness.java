package vn.commune.petition.domain.deadline;

import java.time.LocalDate;
import java.util.Arrays;

/** How a closed petition did against its deadline, as in the one-stop-shop tables. */
public enum Timeliness {
    /** Sớm hạn: closed before the due date. */
    EARLY(-1),
    /** Đúng hạn: closed on the due date. */
    ON_TIME(0),
    /** Trễ hạn: closed after the due date. */
    LATE(1);

    private final int sign;

    Timeliness(int sign) {
        this.sign = sign;
    }

    /** The sign of the closing date minus the due date for this timeliness: -1 before, 0 on it, 1 after. */
    public int sign() {
        return sign;
    }

    /** The timeliness of a closure on {@code closedOn} against {@code dueOn}; null if either is unknown. */
    public static Timeliness of(LocalDate closedOn, LocalDate dueOn) {
        if (closedOn == null || dueOn == null) {
            return null;
        }
        int sign = Integer.signum(closedOn.compareTo(dueOn));
        return Arrays.stream(values()).filter(timeliness -> timeliness.sign == sign).findFirst().orElseThrow();
    }
}
