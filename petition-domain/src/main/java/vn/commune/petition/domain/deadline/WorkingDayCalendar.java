package vn.commune.petition.domain.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lịch ngày làm việc: Monday to Friday, less the public holidays, plus the weekend days worked in
 * exchange for a bridge day. Periods are counted as the Civil Code counts them (Bộ luật Dân sự 2015
 * Đ147-148): from the day after the event; a period whose last day is a day off ends on the next
 * working day.
 *
 * <p>Days are counted arithmetically, never one by one: whole weeks of five working days, corrected
 * by the special days (holidays on weekdays, weekend days worked) the data holds in the range. A
 * count over a century costs what a count over a week does.
 */
public final class WorkingDayCalendar {

    /** A Monday, the origin of {@link #workingDayIndex}: 5 January 1970, epoch day 4. */
    private static final long A_MONDAY = 4;

    private final Map<LocalDate, CalendarDay> days;
    /** Per special day that changes a count: the working days gained (+) or lost (-) by those up to it. */
    private final NavigableMap<LocalDate, Long> correctionThrough;

    private WorkingDayCalendar(Map<LocalDate, CalendarDay> days) {
        this.days = Map.copyOf(days);
        this.correctionThrough = new TreeMap<>();
        long correction = 0;
        for (LocalDate day : new TreeMap<>(days).keySet()) {
            int change = (isWorkingDay(day) ? 1 : 0) - (isWeekday(day) ? 1 : 0);
            if (change != 0) {
                correction += change;
                correctionThrough.put(day, correction);
            }
        }
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
        return isWeekday(day);
    }

    /** The name of the holiday or swapped day, if the data names one. */
    public Optional<String> nameOf(LocalDate day) {
        return Optional.ofNullable(days.get(day)).map(CalendarDay::name);
    }

    /** "n ngày làm việc": the n-th working day after {@code from} (from itself when n is 0). */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n <= 0) {
            return from;
        }
        // The first day whose index reaches the target, which is the n-th working day: the index grows
        // by one on each working day only. n working days span about 7n/5 days: a step a little
        // longer, doubled until it reaches the target (a run of holidays), then the gap halved.
        long target = workingDayIndex(from.toEpochDay()) + n;
        long before = from.toEpochDay();
        long step = n + n / 2 + 7;
        long reached = before + step;
        while (workingDayIndex(reached) < target) {
            before = reached;
            step *= 2;
            reached = before + step;
        }
        while (reached - before > 1) {
            long middle = before + (reached - before) / 2;
            if (workingDayIndex(middle) < target) {
                before = middle;
            } else {
                reached = middle;
            }
        }
        return LocalDate.ofEpochDay(reached);
    }

    /** "n ngày": n calendar days after {@code from}, moved to the next working day if that is a day off. */
    public LocalDate addCalendarDaysRolled(LocalDate from, int n) {
        LocalDate day = from.plusDays(n);
        return isWorkingDay(day) ? day : addWorkingDays(day, 1);
    }

    /** The working days after {@code from} up to and including {@code to}; 0 if {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return Math.toIntExact(workingDayIndex(to.toEpochDay()) - workingDayIndex(from.toEpochDay()));
    }

    /**
     * The working days from an origin up to and including the day {@code epochDay}: the weekdays, in
     * whole weeks and the days of the last one, corrected by the special days up to it. Only
     * differences of indexes mean anything.
     */
    private long workingDayIndex(long epochDay) {
        long sinceMonday = epochDay - A_MONDAY;
        long weekdays = Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
        Map.Entry<LocalDate, Long> correction = correctionThrough.floorEntry(LocalDate.ofEpochDay(epochDay));
        return weekdays + (correction == null ? 0 : correction.getValue());
    }

    private static boolean isWeekday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }
}
