package vn.commune.petition.api.counts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import vn.commune.petition.api.session.ReceptionSchedule.DayStatus;
import vn.commune.petition.api.session.ReceptionSchedule.MonthJudged;
import vn.commune.petition.api.session.ReceptionSchedule.ScheduledDay;
import vn.commune.petition.projections.counts.PetitionCounts;

/**
 * Công khai: what the commune publishes of a period, numbers only and never a person: the petitions
 * received and how they ended, closed early, on time or late, by kind and by field (the subject an
 * officer files a petition under), and the reception calendar (sessions held, missed, holidays), in
 * all and month by month; {@code commune} names the People's Committee that publishes them and
 * {@code communeCode} its code (null on a deployment that configured none). The schema of
 * {@code GET /api/public/figures} in JSON and, as {@link #csv()} rows, in CSV; docs/PUBLIC.md
 * documents both, and they change only by adding.
 */
record PublicFigures(String commune, String communeCode, LocalDate from, LocalDate to, Petitions petitions,
                     Map<String, Long> byKind, Map<String, Long> byField, Reception reception, List<Month> months) {

    /** The CSV's header: every row is one number, named by its section, key and metric. */
    static final List<String> CSV_HEADER = List.of("from", "to", "section", "key", "metric", "value");

    /** The petitions of the period: received in it, and closed in it by each way, early, on time or late. */
    record Petitions(long received, long resolved, long escalated, long forwarded, long guided, long closedEarly,
                     long closedOnTime, long closedLate, long openAtEnd, long overdueAtEnd) {
    }

    /**
     * The reception calendar of the period: its scheduled days held, missed or a holiday, the visits, and
     * the months that fell short of the Chairman's reception rule in force in them.
     */
    record Reception(long sessionsHeld, long sessionsMissed, long holidays, long visits, long monthsShort) {
    }

    /**
     * A month of the period (cut to the period at either end); {@code receptionHeld}, {@code receptionRequired}
     * and {@code receptionMet} judge the whole month as {@code GET /api/sessions/schedule} does (met null
     * while the month may still meet its rule).
     */
    record Month(YearMonth month, long received, long closed, long sessionsHeld, long sessionsMissed, long holidays,
                 long receptionHeld, long receptionRequired, Boolean receptionMet) {
    }

    static PublicFigures of(String code, String commune, Dashboard.Figures figures, List<ScheduledDay> schedule,
                            List<MonthJudged> judged) {
        PetitionCounts c = figures.counts();
        List<Month> months = new ArrayList<>();
        for (Dashboard.Month month : figures.months()) {
            List<ScheduledDay> days = schedule.stream()
                    .filter(d -> YearMonth.from(d.day()).equals(month.month())).toList();
            MonthJudged rule = judged.stream().filter(m -> m.month().equals(month.month())).findFirst()
                    .orElse(new MonthJudged(month.month(), null, 0, 0, null));
            months.add(new Month(month.month(), month.received(), month.closed(), count(days, DayStatus.HELD),
                    count(days, DayStatus.MISSED), count(days, DayStatus.HOLIDAY), rule.periodicHeld(),
                    rule.required(), rule.met()));
        }
        return new PublicFigures(commune, code == null || code.isBlank() ? null : code, figures.period().from(), figures.period().to(),
                new Petitions(c.received(), c.resolved(), c.escalated(), c.forwarded(), c.guided(), c.closedEarly(),
                        c.closedOnTime(), c.closedLate(), c.openAtEnd(), c.overdueAtEnd()),
                c.byKind(), c.byField(),
                new Reception(count(schedule, DayStatus.HELD), count(schedule, DayStatus.MISSED),
                        count(schedule, DayStatus.HOLIDAY), figures.reception().visits(),
                        judged.stream().filter(MonthJudged::shortOfMinimum).count()),
                months);
    }

    private static long count(List<ScheduledDay> days, DayStatus status) {
        return days.stream().filter(d -> d.status() == status).count();
    }

    /** The figures as CSV rows under {@link #CSV_HEADER}: from, to, section, key, metric, value. */
    List<List<Object>> csv() {
        List<List<Object>> rows = new ArrayList<>();
        Petitions p = petitions;
        row(rows, "petitions", "", "received", p.received());
        row(rows, "petitions", "", "resolved", p.resolved());
        row(rows, "petitions", "", "escalated", p.escalated());
        row(rows, "petitions", "", "forwarded", p.forwarded());
        row(rows, "petitions", "", "guided", p.guided());
        row(rows, "petitions", "", "closedEarly", p.closedEarly());
        row(rows, "petitions", "", "closedOnTime", p.closedOnTime());
        row(rows, "petitions", "", "closedLate", p.closedLate());
        row(rows, "petitions", "", "openAtEnd", p.openAtEnd());
        row(rows, "petitions", "", "overdueAtEnd", p.overdueAtEnd());
        for (Entry<String, Long> kind : byKind.entrySet()) {
            row(rows, "kind", kind.getKey(), "received", kind.getValue());
        }
        for (Entry<String, Long> field : byField.entrySet()) {
            row(rows, "field", field.getKey(), "received", field.getValue());
        }
        row(rows, "reception", "", "sessionsHeld", reception.sessionsHeld());
        row(rows, "reception", "", "sessionsMissed", reception.sessionsMissed());
        row(rows, "reception", "", "holidays", reception.holidays());
        row(rows, "reception", "", "visits", reception.visits());
        row(rows, "reception", "", "monthsShort", reception.monthsShort());
        for (Month m : months) {
            String month = m.month().toString();
            row(rows, "month", month, "received", m.received());
            row(rows, "month", month, "closed", m.closed());
            row(rows, "month", month, "sessionsHeld", m.sessionsHeld());
            row(rows, "month", month, "sessionsMissed", m.sessionsMissed());
            row(rows, "month", month, "holidays", m.holidays());
            row(rows, "month", month, "receptionHeld", m.receptionHeld());
            row(rows, "month", month, "receptionRequired", m.receptionRequired());
            if (m.receptionMet() != null) {
                row(rows, "month", month, "receptionMet", m.receptionMet() ? 1 : 0);
            }
        }
        return rows;
    }

    private void row(List<List<Object>> rows, String section, String key, String metric, long value) {
        rows.add(List.of(from.toString(), to.toString(), section, key, metric, value));
    }
}
