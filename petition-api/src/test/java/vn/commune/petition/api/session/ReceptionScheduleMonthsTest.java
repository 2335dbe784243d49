package vn.commune.petition.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.commune.petition.api.commune.CommuneSettings;
import vn.commune.petition.api.session.ReceptionSchedule.MonthJudged;
import vn.commune.petition.api.session.ReceptionSchedule.MonthlyRule;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/** Each month judged against the Chairman's rule in force on its first day, and never short before its time. */
class ReceptionScheduleMonthsTest {

    private final ReceptionSchedule schedule = new ReceptionSchedule(null, null, Clock.systemUTC());
    private final CommuneSettings.Settings commune = new CommuneSettings.Settings("", null, null,
            WorkingDayCalendar.shipped(), Set.of(DayOfWeek.THURSDAY));

    private MonthJudged month(LocalDate first, List<LocalDate> held, List<LocalDate> periodic, LocalDate today) {
        List<MonthJudged> months = schedule.months(commune, first, first.plusMonths(1).minusDays(1), held, periodic, today);
        assertThat(months).hasSize(1);
        return months.get(0);
    }

    @Test
    void june_2026_is_judged_by_the_weekly_rule_and_july_2026_by_the_monthly_minimum() {
        assertThat(month(LocalDate.of(2026, 6, 1), List.of(), List.of(), LocalDate.of(2026, 12, 1)).rule())
                .isEqualTo(MonthlyRule.EVERY_SCHEDULED_DAY);
        assertThat(month(LocalDate.of(2026, 7, 1), List.of(), List.of(), LocalDate.of(2026, 12, 1)).rule())
                .isEqualTo(MonthlyRule.TWO_DAYS_A_MONTH);
    }

    @Test
    void a_running_month_not_yet_at_its_minimum_is_pending_not_short() {
        LocalDate december = LocalDate.of(2026, 12, 1);
        MonthJudged running = month(december, List.of(), List.of(LocalDate.of(2026, 12, 3)), LocalDate.of(2026, 12, 10));
        assertThat(running.periodicHeld()).isEqualTo(1);
        assertThat(running.met()).isNull();
        assertThat(running.shortOfMinimum()).isFalse();
        assertThat(month(december, List.of(), List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 10)),
                LocalDate.of(2026, 12, 10)).met()).isTrue();
        assertThat(month(december, List.of(), List.of(LocalDate.of(2026, 12, 3)), LocalDate.of(2027, 1, 1)).met())
                .isFalse();
    }

    @Test
    void under_the_weekly_rule_a_missed_thursday_is_short_at_once_and_upcoming_ones_are_pending() {
        LocalDate may = LocalDate.of(2024, 5, 1);
        // Thursdays of May 2024: 2, 9, 16, 23, 30, all working days.
        MonthJudged missed = month(may, List.of(LocalDate.of(2024, 5, 2)), List.of(), LocalDate.of(2024, 5, 10));
        assertThat(missed.required()).isEqualTo(5);
        assertThat(missed.met()).isFalse();
        MonthJudged onTrack = month(may, List.of(LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 9)), List.of(),
                LocalDate.of(2024, 5, 10));
        assertThat(onTrack.periodicHeld()).isEqualTo(2);
        assertThat(onTrack.met()).isNull();
    }
}
