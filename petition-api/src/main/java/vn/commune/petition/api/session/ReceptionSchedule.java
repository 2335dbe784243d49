package vn.commune.petition.api.session;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * Lịch tiếp công dân: the days the commune has fixed for its reception sessions (every Thursday by
 * default, {@code petition.sessions.days}), and how each went: held, missed, a holiday, or to come.
 */
@Component
public class ReceptionSchedule {

    private final Set<DayOfWeek> days;
    private final WorkingDayCalendar calendar;
    private final SessionQueries sessions;
    private final Clock clock;

    ReceptionSchedule(@Value("${petition.sessions.days:THURSDAY}") List<DayOfWeek> days, WorkingDayCalendar calendar,
                      SessionQueries sessions, Clock clock) {
        this.days = Set.copyOf(days);
        this.calendar = calendar;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What became of a scheduled day. */
    public enum DayStatus {
        /** A session was held. */
        HELD,
        /** A working day with no session. */
        MISSED,
        /** A public holiday or day off: no session was due. */
        HOLIDAY,
        /** Still to come. */
        UPCOMING
    }

    /** One scheduled day and what became of it. */
    public record ScheduledDay(LocalDate day, DayOfWeek dayOfWeek, DayStatus status) {
    }

    /** The scheduled days of [from, to] and what became of each, as of today in the commune. */
    public List<ScheduledDay> of(LocalDate from, LocalDate to) {
        return between(from, to, sessions.daysHeld(from, to), CommuneClock.today(clock));
    }

    List<ScheduledDay> between(LocalDate from, LocalDate to, List<LocalDate> daysHeld, LocalDate today) {
        Set<LocalDate> held = new HashSet<>(daysHeld);
        List<ScheduledDay> schedule = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            DayStatus status;
            if (held.contains(day)) {
                status = DayStatus.HELD;
            } else if (!calendar.isWorkingDay(day)) {
                status = DayStatus.HOLIDAY;
            } else if (day.isAfter(today)) {
                status = DayStatus.UPCOMING;
            } else {
                status = DayStatus.MISSED;
            }
            schedule.add(new ScheduledDay(day, day.getDayOfWeek(), status));
        }
        return schedule;
    }
}
