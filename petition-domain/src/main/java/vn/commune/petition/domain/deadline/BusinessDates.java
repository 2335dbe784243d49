package vn.commune.petition.domain.deadline;

import java.time.LocalDate;

/**
 * The business dates this service accepts, from 1 January 2000 to 31 December 2100: every date a
 * request brings is checked against them at the door, so a petition's year always has a
 * reference-number sequence and no count of days or periods runs longer than a century.
 */
public final class BusinessDates {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final LocalDate FIRST = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST = LocalDate.of(LAST_YEAR, 12, 31);

    private BusinessDates() {
    }

    /** Whether the service accepts this date. */
    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST) && !day.isAfter(LAST);
    }
}
