package vn.commune.petition.api.petition;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.commune.petition.domain.deadline.DeadlinePolicy;

/**
 * How near a deadline is on a day, in calendar days and in working days (the commune's
 * WorkingDayCalendar, through DeadlinePolicy): {@code late} once the day is past it; {@code soon}
 * when it falls within the next {@value #SOON_WORKING_DAYS} working days. Pages colour it so.
 */
public record DueDate(LocalDate dueOn, long daysLeft, int workingDaysLeft, long daysLate, int workingDaysLate) {

    /** Due within this many working days (and not late): shown in amber. */
    public static final int SOON_WORKING_DAYS = 3;

    /** The deadline {@code dueOn} seen on {@code today}; null for no deadline. */
    public static DueDate of(LocalDate dueOn, LocalDate today, DeadlinePolicy deadlines) {
        if (dueOn == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(today, dueOn);
        return new DueDate(dueOn, Math.max(0, days), deadlines.workingDaysLate(today, dueOn), Math.max(0, -days),
                deadlines.workingDaysLate(dueOn, today));
    }

    /** Past its deadline. */
    public boolean late() {
        return daysLate > 0;
    }

    /** Due today. */
    public boolean today() {
        return daysLeft == 0 && daysLate == 0;
    }

    /** Not late, and due within {@value #SOON_WORKING_DAYS} working days. */
    public boolean soon() {
        return !late() && workingDaysLeft <= SOON_WORKING_DAYS;
    }

    /** The CSS class of a due date: {@code due due--late}, {@code due due--soon} or {@code due}. */
    public String cssClass() {
        return late() ? "due due--late" : soon() ? "due due--soon" : "due";
    }
}
