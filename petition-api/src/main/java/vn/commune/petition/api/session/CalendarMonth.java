package vn.commune.petition.api.session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.commune.petition.api.session.ReceptionSchedule.DayStatus;
import vn.commune.petition.api.session.ReceptionSchedule.ScheduledDay;
import vn.commune.petition.projections.session.SessionView;

/**
 * A month of the reception calendar ({@code templates/session/calendar.html}): its weeks from
 * Monday to Sunday, each day with what became of it if it was a scheduled day and the sessions held
 * on it; and the scheduled days alone, for the list that reads as text.
 */
record CalendarMonth(YearMonth month, List<List<Day>> weeks, List<ScheduledDay> scheduled) {

    /** One square of the grid; {@code status} is null for a day that was not scheduled. */
    record Day(LocalDate date, boolean inMonth, boolean today, DayStatus status, List<SessionView> sessions) {
    }

    static CalendarMonth of(YearMonth month, List<ScheduledDay> scheduled, List<SessionView> held, LocalDate today) {
        Map<LocalDate, DayStatus> statuses = scheduled.stream()
                .collect(Collectors.toMap(ScheduledDay::day, ScheduledDay::status));
        Map<LocalDate, List<SessionView>> sessions = held.stream()
                .collect(Collectors.groupingBy(SessionView::heldOn));
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                boolean inMonth = YearMonth.from(day).equals(month);
                week.add(new Day(day, inMonth, inMonth && day.equals(today), inMonth ? statuses.get(day) : null,
                        inMonth ? sessions.getOrDefault(day, List.of()) : List.of()));
            }
            weeks.add(week);
        }
        return new CalendarMonth(month, weeks, scheduled);
    }

    /** The sessions held on each scheduled day, for the list. */
    public Map<LocalDate, List<SessionView>> sessionsByDay() {
        return weeks.stream().flatMap(List::stream).filter(Day::inMonth)
                .collect(Collectors.toMap(Day::date, Day::sessions, (a, b) -> a));
    }

    /** The weekdays in the grid's order, Monday first as in Vietnam. */
    public List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.values());
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
