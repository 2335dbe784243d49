package vn.commune.petition.domain.deadline;

import java.time.LocalDate;

/** A legal period: {@code days} counted in {@code unit} from the day after the event. */
public record Deadline(int days, DayCount unit) {

    public Deadline {
        if (days < 0) {
            throw new IllegalArgumentException("A deadline has no negative length");
        }
    }

    public static Deadline workingDays(int days) {
        return new Deadline(days, DayCount.WORKING_DAY);
    }

    public static Deadline calendarDays(int days) {
        return new Deadline(days, DayCount.CALENDAR_DAY);
    }

    /** The last day of the period that starts with the event on {@code start}. */
    public LocalDate after(LocalDate start, WorkingDayCalendar calendar) {
        return unit == DayCount.WORKING_DAY
                ? calendar.addWorkingDays(start, days)
                : calendar.addCalendarDaysRolled(start, days);
    }
}
