package vn.commune.petition.domain.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.petition.PetitionKind;

/** The deadline of every kind, from the table of PRODUCT.md, on the 2024 calendar. */
class DeadlinePolicyTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.shipped();
    private final DeadlinePolicy policy =
            new DeadlinePolicy(CALENDAR, DeadlineRules.statutory(), CommuneDeadlines.DEFAULT);

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2024, month, day);
    }

    @Test
    void a_complaint_is_accepted_or_refused_within_ten_calendar_days_rolled() {
        // Received Monday 29 January: 10 days is Thursday 8 February, in Tết: Thursday 15 February.
        assertThat(policy.handling(PetitionKind.COMPLAINT, d(1, 29)).dueOn()).isEqualTo(d(2, 15));
    }

    @Test
    void a_denunciation_is_handled_within_seven_working_days() {
        assertThat(policy.handling(PetitionKind.DENUNCIATION, d(2, 5)).dueOn()).isEqualTo(d(2, 21));
    }

    @Test
    void a_recommendation_or_feedback_is_answered_within_ten_working_days() {
        assertThat(policy.handling(PetitionKind.RECOMMENDATION, d(1, 4)).dueOn()).isEqualTo(d(1, 18));
        assertThat(policy.handling(PetitionKind.FEEDBACK, d(4, 25)).dueOn())
                // 26, 2, 3, 4 (Saturday worked), 6, 7, 8, 9, 10, 13 May.
                .isEqualTo(d(5, 13));
    }

    @Test
    void a_complaint_is_resolved_in_thirty_days_or_forty_five_if_complex() {
        assertThat(policy.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, d(3, 1)).dueOn()).isEqualTo(d(4, 1));
        assertThat(policy.resolution(PetitionKind.COMPLAINT, Complexity.COMPLEX, d(3, 1)).dueOn())
                .isEqualTo(d(4, 15));
    }

    @Test
    void a_remote_commune_gets_forty_five_or_sixty_days_for_a_complaint() {
        DeadlinePolicy remote = new DeadlinePolicy(CALENDAR, DeadlineRules.statutory(),
                new CommuneDeadlines(true, Deadline.calendarDays(30), new ExtensionLimit(1, 30)));
        assertThat(remote.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, d(3, 1)).dueOn()).isEqualTo(d(4, 15));
        // 60 days after 1 March is Tuesday 30 April, a holiday; then 1 May; Thursday 2 May.
        assertThat(remote.resolution(PetitionKind.COMPLAINT, Complexity.COMPLEX, d(3, 1)).dueOn())
                .isEqualTo(d(5, 2));
    }

    @Test
    void a_denunciation_is_resolved_in_thirty_days_and_extended_by_the_complexity() {
        assertThat(policy.resolution(PetitionKind.DENUNCIATION, Complexity.NORMAL, d(3, 1)).dueOn())
                .isEqualTo(d(4, 1));
        assertThat(policy.extensions("VN-2019", PetitionKind.DENUNCIATION, Complexity.NORMAL))
                .isEqualTo(new ExtensionLimit(0, 30));
        assertThat(policy.extensions("VN-2019", PetitionKind.DENUNCIATION, Complexity.COMPLEX))
                .isEqualTo(new ExtensionLimit(1, 30));
        assertThat(policy.extensions("VN-2019", PetitionKind.DENUNCIATION, Complexity.ESPECIALLY_COMPLEX))
                .isEqualTo(new ExtensionLimit(2, 30));
    }

    @Test
    void recommendations_and_feedback_follow_the_communes_own_deadline() {
        DeadlinePolicy commune = new DeadlinePolicy(CALENDAR, DeadlineRules.statutory(),
                new CommuneDeadlines(false, Deadline.workingDays(15), new ExtensionLimit(2, 10)));
        assertThat(commune.resolution(PetitionKind.RECOMMENDATION, Complexity.NORMAL, d(3, 1)).dueOn())
                .isEqualTo(d(3, 22));
        assertThat(commune.extensions("VN-2019", PetitionKind.FEEDBACK, Complexity.NORMAL))
                .isEqualTo(new ExtensionLimit(2, 10));
    }

    @Test
    void the_rules_in_force_are_chosen_by_the_date_and_named_in_the_due_date() {
        DeadlineRuleSet later = new DeadlineRuleSet("VN-TEST-2025", LocalDate.of(2025, 7, 1),
                Deadline.workingDays(7), Deadline.workingDays(7), Deadline.workingDays(10),
                Deadline.calendarDays(30), Deadline.calendarDays(45), Deadline.calendarDays(45),
                Deadline.calendarDays(60), Deadline.calendarDays(30), 30);
        DeadlinePolicy versioned = new DeadlinePolicy(CALENDAR,
                new DeadlineRules(List.of(DeadlineRuleSet.VN_2019, later)), CommuneDeadlines.DEFAULT);
        assertThat(versioned.handling(PetitionKind.COMPLAINT, LocalDate.of(2025, 6, 30)).rules()).isEqualTo("VN-2019");
        DeadlinePolicy.Due due = versioned.handling(PetitionKind.COMPLAINT, LocalDate.of(2025, 7, 1));
        assertThat(due.rules()).isEqualTo("VN-TEST-2025");
        // 7 working days from Tuesday 1 July 2025.
        assertThat(due.dueOn()).isEqualTo(LocalDate.of(2025, 7, 10));
    }

    @Test
    void working_days_late_count_the_working_days_after_the_deadline() {
        assertThat(policy.workingDaysLate(d(2, 5), d(2, 15))).isEqualTo(3);
        assertThat(policy.workingDaysLate(d(2, 5), d(2, 5))).isZero();
    }

    @Test
    void timeliness_compares_the_closing_date_with_the_deadline() {
        assertThat(Timeliness.of(d(2, 4), d(2, 5))).isEqualTo(Timeliness.EARLY);
        assertThat(Timeliness.of(d(2, 5), d(2, 5))).isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.of(d(2, 6), d(2, 5))).isEqualTo(Timeliness.LATE);
        assertThat(Timeliness.of(null, d(2, 5))).isNull();
    }
}
