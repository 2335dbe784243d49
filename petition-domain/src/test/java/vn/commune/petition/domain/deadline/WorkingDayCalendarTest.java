package vn.commune.petition.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vietnamese working-day calendar: weekends, Tết, 30/4-1/5, 2/9, swapped days, overrides. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.shipped();

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void weekends_are_days_off_and_weekdays_are_working_days() {
        assertThat(calendar.isWorkingDay(d(2024, 3, 9))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 3, 10))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 3, 11))).isTrue();
        assertThat(calendar.addWorkingDays(d(2024, 3, 8), 1)).isEqualTo(d(2024, 3, 11));
    }

    @Test
    void ten_working_days_after_a_monday_before_tet_2024_skip_the_whole_break() {
        // Tết Giáp Thìn: off from Thursday 8 to Wednesday 14 February 2024.
        assertThat(calendar.isWorkingDay(d(2024, 2, 8))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 2, 14))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 2, 15))).isTrue();
        // 6, 7 Feb; then 15, 16, 19, 20, 21, 22, 23, 26 Feb.
        assertThat(calendar.addWorkingDays(d(2024, 2, 5), 10)).isEqualTo(d(2024, 2, 26));
    }

    @Test
    void tet_2025_runs_from_27_to_31_january_on_weekdays() {
        for (int day = 27; day <= 31; day++) {
            assertThat(calendar.isWorkingDay(d(2025, 1, day))).as("January %d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(d(2025, 2, 3))).isTrue();
        assertThat(calendar.addWorkingDays(d(2025, 1, 24), 1)).isEqualTo(d(2025, 2, 3));
    }

    @Test
    void thursday_18_april_2024_is_the_hung_kings_holiday() {
        assertThat(calendar.isWorkingDay(d(2024, 4, 18))).isFalse();
        assertThat(calendar.nameOf(d(2024, 4, 18))).hasValueSatisfying(n -> assertThat(n).contains("Hùng Vương"));
    }

    @Test
    void the_30_april_bridge_of_2024_is_off_and_saturday_4_may_is_worked() {
        assertThat(calendar.isWorkingDay(d(2024, 4, 29))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 4, 30))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 5, 1))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 5, 4))).isTrue();
        // Friday 26 April + 3 working days: Thursday 2, Friday 3, Saturday 4 May.
        assertThat(calendar.addWorkingDays(d(2024, 4, 26), 3)).isEqualTo(d(2024, 5, 4));
    }

    @Test
    void the_30_april_bridge_of_2025_swaps_friday_2_may_for_saturday_26_april() {
        assertThat(calendar.isWorkingDay(d(2025, 4, 26))).isTrue();
        assertThat(calendar.isWorkingDay(d(2025, 4, 30))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 5, 1))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 5, 2))).isFalse();
        assertThat(calendar.addWorkingDays(d(2025, 4, 29), 1)).isEqualTo(d(2025, 5, 5));
    }

    @Test
    void national_day_takes_two_days_in_2024_and_2025() {
        assertThat(calendar.isWorkingDay(d(2024, 9, 2))).isFalse();
        assertThat(calendar.isWorkingDay(d(2024, 9, 3))).isFalse();
        assertThat(calendar.addWorkingDays(d(2024, 8, 30), 1)).isEqualTo(d(2024, 9, 4));
        assertThat(calendar.isWorkingDay(d(2025, 9, 1))).isFalse();
        assertThat(calendar.isWorkingDay(d(2025, 9, 2))).isFalse();
    }

    @Test
    void calendar_days_landing_on_a_weekend_or_in_tet_roll_to_the_next_working_day() {
        // 30 days after 5 January 2024 is Sunday 4 February: Monday 5 February.
        assertThat(calendar.addCalendarDaysRolled(d(2024, 1, 5), 30)).isEqualTo(d(2024, 2, 5));
        // 30 days after 10 January 2024 is Friday 9 February, in Tết: Thursday 15 February.
        assertThat(calendar.addCalendarDaysRolled(d(2024, 1, 10), 30)).isEqualTo(d(2024, 2, 15));
        // Landing on a working day stays there.
        assertThat(calendar.addCalendarDaysRolled(d(2024, 3, 1), 4)).isEqualTo(d(2024, 3, 5));
    }

    @Test
    void working_days_between_count_after_the_first_day_up_to_the_last() {
        assertThat(calendar.workingDaysBetween(d(2024, 2, 5), d(2024, 2, 26))).isEqualTo(10);
        assertThat(calendar.workingDaysBetween(d(2024, 2, 5), d(2024, 2, 5))).isZero();
        assertThat(calendar.workingDaysBetween(d(2024, 2, 26), d(2024, 2, 5))).isZero();
    }

    @Test
    void an_override_replaces_a_shipped_day_and_can_add_or_cancel_one() throws Exception {
        List<CalendarDay> overrides = CalendarData.read(new StringReader("""
                # the commune's corrections
                2024-04-18,NORMAL,
                2024-06-14,HOLIDAY,Ngày nghỉ do địa phương quyết định
                2024-06-15,WORKING,Làm bù
                """), "overrides.csv");
        WorkingDayCalendar corrected = calendar.withOverrides(overrides);
        assertThat(corrected.isWorkingDay(d(2024, 4, 18))).isTrue();
        assertThat(corrected.isWorkingDay(d(2024, 6, 14))).isFalse();
        assertThat(corrected.isWorkingDay(d(2024, 6, 15))).isTrue();
        assertThat(calendar.isWorkingDay(d(2024, 4, 18))).as("the shipped calendar is unchanged").isFalse();
    }

    @Test
    void a_malformed_line_names_its_file_and_line() {
        assertThatThrownBy(() -> CalendarData.read(new StringReader("2024-01-01,HOLIDAY,ok\n2024-02-30,HOLIDAY,x\n"),
                "vn-bad.csv"))
                .hasMessageContaining("vn-bad.csv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("2024-02-30");
        assertThatThrownBy(() -> CalendarData.read(new StringReader("2024-01-01,FEAST,x\n"), "vn-bad.csv"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("FEAST");
    }

    @Test
    void every_shipped_year_has_new_year_tet_and_national_day() {
        for (int year = CalendarData.FIRST_YEAR; year <= CalendarData.LAST_YEAR; year++) {
            int y = year;
            long tet = CalendarData.shipped().stream()
                    .filter(day -> day.date().getYear() == y && day.name().contains("Tết Nguyên đán"))
                    .count();
            assertThat(tet).as("Tết days in %d", year).isGreaterThanOrEqualTo(5);
            assertThat(CalendarData.shipped().stream()
                    .anyMatch(day -> day.date().getYear() == y && day.name().contains("Quốc khánh")))
                    .as("Quốc khánh in %d", year).isTrue();
        }
    }

    @Test
    void counting_working_days_agrees_with_a_day_by_day_walk_over_random_ranges() {
        Random random = new Random(20240418);
        for (WorkingDayCalendar tested : List.of(calendar, withRandomOverrides(random))) {
            for (int i = 0; i < 3_000; i++) {
                LocalDate from = randomDay(random);
                LocalDate to = from.plusDays(randomLength(random));
                assertThat(tested.workingDaysBetween(from, to)).as("working days from %s to %s", from, to)
                        .isEqualTo(walkBetween(tested, from, to));
                int n = random.nextInt(4) == 0 ? random.nextInt(3_000) : random.nextInt(40);
                assertThat(tested.addWorkingDays(from, n)).as("%d working days after %s", n, from)
                        .isEqualTo(walkAdding(tested, from, n));
                int days = random.nextInt(120);
                assertThat(tested.addCalendarDaysRolled(from, days)).as("%d days after %s, rolled", days, from)
                        .isEqualTo(walkRolled(tested, from, days));
            }
        }
    }

    @Test
    void a_long_run_of_days_off_is_skipped_whole() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (LocalDate day = d(2030, 1, 1); day.isBefore(d(2030, 7, 1)); day = day.plusDays(1)) {
            lines.append(day).append(",HOLIDAY,Nghỉ\n");
        }
        lines.append("2030-03-16,WORKING,Làm bù\n");
        WorkingDayCalendar closed = calendar.withOverrides(CalendarData.read(new StringReader(lines.toString()), "x"));
        assertThat(closed.addWorkingDays(d(2029, 12, 31), 1)).isEqualTo(d(2030, 3, 16));
        assertThat(closed.addWorkingDays(d(2029, 12, 31), 2)).isEqualTo(d(2030, 7, 1));
        assertThat(closed.addCalendarDaysRolled(d(2029, 12, 31), 100)).isEqualTo(d(2030, 7, 1));
        assertThat(closed.workingDaysBetween(d(2029, 12, 28), d(2030, 7, 1))).isEqualTo(3);
    }

    @Test
    void a_count_across_every_date_the_service_accepts_answers_at_once() {
        WorkingDayCalendar corrected = withRandomOverrides(new Random(7));
        LocalDate first = BusinessDates.FIRST.minusDays(1);
        int all = walkBetween(corrected, first, BusinessDates.LAST);
        LocalDate lastWorkingDay = walkAdding(corrected, first, all);
        // Counted day by day, this takes minutes; counted by weeks and special days, a fraction of a
        // second. The margin is for a busy machine.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 100_000; i++) {
                assertThat(corrected.workingDaysBetween(first, BusinessDates.LAST)).isEqualTo(all);
            }
            for (int i = 0; i < 10_000; i++) {
                assertThat(corrected.addWorkingDays(first, all)).isEqualTo(lastWorkingDay);
            }
        });
    }

    /** The shipped calendar with a few hundred random corrections: holidays, swapped days, cancellations. */
    private WorkingDayCalendar withRandomOverrides(Random random) {
        List<CalendarDay> overrides = new ArrayList<>();
        CalendarDay.Type[] types = CalendarDay.Type.values();
        for (int i = 0; i < 400; i++) {
            overrides.add(new CalendarDay(randomDay(random), types[random.nextInt(types.length)], "x"));
        }
        for (CalendarDay shipped : CalendarData.shipped()) {
            if (random.nextInt(5) == 0) {
                overrides.add(new CalendarDay(shipped.date(), CalendarDay.Type.NORMAL, ""));
            }
        }
        for (int i = 0; i < 20; i++) {
            LocalDate saturday = randomDay(random).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
            overrides.add(new CalendarDay(saturday, CalendarDay.Type.WORKING, "Làm bù"));
            overrides.add(new CalendarDay(saturday.plusDays(1), CalendarDay.Type.WORKING, "Làm bù"));
        }
        return calendar.withOverrides(overrides);
    }

    /** A day in the range the service accepts, half the time in the years the calendar has data for. */
    private static LocalDate randomDay(Random random) {
        LocalDate from = random.nextBoolean() ? BusinessDates.FIRST : d(CalendarData.FIRST_YEAR - 1, 1, 1);
        LocalDate to = from.equals(BusinessDates.FIRST) ? BusinessDates.LAST : d(CalendarData.LAST_YEAR + 1, 12, 31);
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
    }

    /** Mostly short ranges, some of years, a few backwards. */
    private static int randomLength(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(15);
            case 1 -> random.nextInt(400);
            case 2 -> random.nextInt(4_000);
            default -> -random.nextInt(20);
        };
    }

    private static int walkBetween(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static LocalDate walkAdding(WorkingDayCalendar calendar, LocalDate from, int n) {
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static LocalDate walkRolled(WorkingDayCalendar calendar, LocalDate from, int n) {
        LocalDate day = from.plusDays(n);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
