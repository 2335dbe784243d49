package vn.commune.petition.api.session;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.domain.law.LawVersion;
import vn.commune.petition.projections.session.SessionQueries;

/**
 * Lịch tiếp công dân: the days the commune has fixed for its reception sessions (every Thursday by
 * default, {@code petition.sessions.days}; a province's commune may fix its own, CommuneSettings), the
 * commune of the signed-in account (the configured one for the public pages and for an account that
 * oversees several), and how each went: held, missed, a holiday, or to come;
 * and each month judged against the Chairman's rule in force on its first day: every scheduled working
 * day held (at least a day a week, Luật Tiếp công dân 2013 Đ15), or from Luật 136/2025/QH15
 * ({@link LawVersion#LAW_136_2025}) at least {@value #MONTHLY_MINIMUM} days of periodic reception
 * by the Chairman in person. docs/DEADLINES.md, "The reception schedule", says how.
 */
@Component
public class ReceptionSchedule {

    private final CommuneSettings communes;
    private final SessionQueries sessions;
    private final Clock clock;

    ReceptionSchedule(CommuneSettings communes, SessionQueries sessions, Clock clock) {
        this.communes = communes;
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

    /** From Luật 136/2025/QH15: the days a month the Chairman receives citizens in person, at least. */
    public static final int MONTHLY_MINIMUM = 2;

    /** One scheduled day and what became of it. */
    public record ScheduledDay(LocalDate day, DayOfWeek dayOfWeek, DayStatus status) {
    }

    /** The Chairman's rule a month is judged by: the one in force on its first day. */
    public enum MonthlyRule {
        /** Before Luật 136/2025/QH15: at least a day a week, so every scheduled working day. */
        EVERY_SCHEDULED_DAY,
        /** Luật 136/2025/QH15: at least 2 days a month of periodic reception by the Chairman in person. */
        TWO_DAYS_A_MONTH
    }

    /**
     * A calendar month judged against its rule. Under {@link MonthlyRule#TWO_DAYS_A_MONTH}
     * {@code periodicHeld} counts the distinct days with a PERIODIC session hosted in person and
     * {@code required} is {@value #MONTHLY_MINIMUM}; under {@link MonthlyRule#EVERY_SCHEDULED_DAY}
     * {@code required} counts the month's scheduled days that are working days and {@code periodicHeld}
     * those of them held (by any session, as the days' list says). {@code met} is null while the month
     * may still meet it (not yet met, and not over or with no day missed yet), never "short" early.
     */
    public record MonthJudged(YearMonth month, MonthlyRule rule, long periodicHeld, long required, Boolean met) {

        /** Whether the month is over, or can no longer be met, and fell short. */
        public boolean shortOfMinimum() {
            return Boolean.FALSE.equals(met);
        }
    }

    /** The answer of {@code GET /api/sessions/schedule}: the scheduled days of the period, and its months. */
    public record Schedule(List<ScheduledDay> days, List<MonthJudged> months) {
    }

    /** The scheduled days of [from, to] and what became of each, as of today in the commune. */
    public List<ScheduledDay> of(LocalDate from, LocalDate to) {
        return between(communes.ofScope(), from, to, sessions.daysHeld(from, to), CommuneClock.today(clock));
    }

    /** The scheduled days of [from, to], and each calendar month touching it judged whole, as of today. */
    public Schedule schedule(LocalDate from, LocalDate to) {
        return new Schedule(of(from, to), months(from, to));
    }

    /** Each calendar month touching [from, to], judged whole against the rule in force on its first day. */
    public List<MonthJudged> months(LocalDate from, LocalDate to) {
        LocalDate first = YearMonth.from(from).atDay(1);
        LocalDate last = YearMonth.from(to).atEndOfMonth();
        return months(communes.ofScope(), first, last, sessions.daysHeld(first, last),
                sessions.periodicDaysInPerson(first, last), CommuneClock.today(clock));
    }

    List<MonthJudged> months(CommuneSettings.Settings commune, LocalDate from, LocalDate to, List<LocalDate> daysHeld,
                             List<LocalDate> periodicDays, LocalDate today) {
        List<MonthJudged> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            YearMonth month = m;
            LocalDate start = month.atDay(1);
            LocalDate end = month.atEndOfMonth();
            boolean over = end.isBefore(today);
            if (LawVersion.LAW_136_2025.inForceOn(start)) {
                long held = periodicDays.stream().filter(day -> YearMonth.from(day).equals(month)).count();
                Boolean met = held >= MONTHLY_MINIMUM ? Boolean.TRUE : over ? Boolean.FALSE : null;
                months.add(new MonthJudged(month, MonthlyRule.TWO_DAYS_A_MONTH, held, MONTHLY_MINIMUM, met));
            } else {
                List<ScheduledDay> due = between(commune, start, end, daysHeld, today).stream()
                        .filter(day -> commune.calendar().isWorkingDay(day.day())).toList();
                long held = due.stream().filter(day -> day.status() == DayStatus.HELD).count();
                boolean missed = due.stream().anyMatch(day -> day.status() == DayStatus.MISSED);
                boolean upcoming = due.stream().anyMatch(day -> day.status() == DayStatus.UPCOMING);
                Boolean met = missed ? Boolean.FALSE : upcoming ? null : Boolean.TRUE;
                months.add(new MonthJudged(month, MonthlyRule.EVERY_SCHEDULED_DAY, held, due.size(), met));
            }
        }
        return months;
    }

    List<ScheduledDay> between(CommuneSettings.Settings commune, LocalDate from, LocalDate to, List<LocalDate> daysHeld,
                               LocalDate today) {
        Set<LocalDate> held = new HashSet<>(daysHeld);
        List<ScheduledDay> schedule = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!commune.receptionDays().contains(day.getDayOfWeek())) {
                continue;
            }
            DayStatus status;
            if (held.contains(day)) {
                status = DayStatus.HELD;
            } else if (!commune.calendar().isWorkingDay(day)) {
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
