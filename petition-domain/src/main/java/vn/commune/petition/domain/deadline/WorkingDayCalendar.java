package vn.commune.petition.domain.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lịch ngày làm việc: Monday to Friday, less the public holidays, plus the weekend days worked in
 * exchange for a bridge day. Periods are counted as the Civil Code counts them (Bộ luật Dân sự 2015
 * Đ147-148): from the day after the event; a period whose last day is a day off ends on the next
 * working day.
 */
public final class WorkingDayCalendar {

    private final Map<LocalDate, CalendarDay> days;

    private WorkingDayCalendar(Map<LocalDate, CalendarDay> days) {
        this.days = Map.copyOf(days);
    }

    /** The calendar shipped with the service. */
    public static WorkingDayCalendar shipped() {
        return of(CalendarData.shipped());
    }

    /** A calendar from these lines; a later line for a date replaces an earlier one. */
    public static WorkingDayCalendar of(Collection<CalendarDay> lines) {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        for (CalendarDay day : lines) {
            if (day.type() == CalendarDay.Type.NORMAL) {
                days.remove(day.date());
            } else {
                days.put(day.date(), day);
            }
        }
        return new WorkingDayCalendar(days);
    }

    /** This calendar with the overrides applied: a line for a date replaces the shipped one. */
    public WorkingDayCalendar withOverrides(Collection<CalendarDay> overrides) {
        Map<LocalDate, CalendarDay> merged = new HashMap<>(days);
        for (CalendarDay day : overrides) {
            if (day.type() == CalendarDay.Type.NORMAL) {
                merged.remove(day.date());
            } else {
                merged.put(day.date(), day);
            }
        }
        return new WorkingDayCalendar(merged);
    }

    /** Whether people work on this day. */
    public boolean isWorkingDay(LocalDate day) {
        CalendarDay special = days.get(day);
        if (special != null) {
            return special.type() == CalendarDay.Type.WORKING;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The name of the holiday or swapped day, if the data names one. */
    public Optional<String> nameOf(LocalDate day) {
        return Optional.ofNullable(days.get(day)).map(CalendarDay::name);
    }

    /** "n ngày làm việc": the n-th working day after {@code from} (from itself when n is 0). */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** "n ngày": n calendar days after {@code from}, moved to the next working day if that is a day off. */
    public LocalDate addCalendarDaysRolled(LocalDate from, int n) {
        LocalDate day = from.plusDays(n);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}; 0 if {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
