package vn.commune.petition.domain.petition;

import static vn.commune.petition.domain.petition.PetitionFixture.DEADLINES;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.PETITIONERS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.DeadlinePolicy;

/** A complaint under Luật 136/2025/QH15 (in force 1 July 2026): suspended and resumed, terminated, withdrawn in part. */
class Law136JourneysTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static LocalDate date(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    static AggregateTestFixture<Petition> fixture() {
        return PetitionFixture.fixture();
    }

    /** A complaint received on {@code acceptedOn}'s eve and accepted that day: its events. */
    static List<Object> complaintAccepted(LocalDate acceptedOn) {
        LocalDate receivedOn = acceptedOn.minusDays(1);
        DeadlinePolicy.Due handling = DEADLINES.handling(PetitionKind.COMPLAINT, receivedOn);
        DeadlinePolicy.Due due = DEADLINES.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, acceptedOn);
        return List.of(
                new PetitionReceived(ID, "2026-0001", receivedOn, Channel.RECEPTION_SESSION, PetitionKind.COMPLAINT,
                        "Đất đai", "Khiếu nại quyết định thu hồi đất", PETITIONERS, "Khu 3", null, handling.dueOn(),
                        handling.rules(), List.of(), null, null),
                new PetitionAccepted(ID, acceptedOn, PetitionKind.COMPLAINT, Complexity.NORMAL, due.dueOn(), due.rules(),
                        0, 0));
    }

    /** Accepted on 8 July 2026 (due Friday 7 August), suspended on {@code on}. */
    static List<Object> suspended(LocalDate on) {
        List<Object> events = new ArrayList<>(complaintAccepted(date(7, 8)));
        events.add(new ResolutionSuspended(ID, on, "Chờ kết quả giám định"));
        return events;
    }

    @Test
    void a_complaint_accepted_in_july_2026_is_due_thirty_days_later() {
        PetitionAccepted accepted = (PetitionAccepted) complaintAccepted(date(7, 8)).get(1);
        org.assertj.core.api.Assertions.assertThat(accepted.dueOn()).isEqualTo(date(8, 7));
    }

    @Test
    void suspended_for_ten_days_and_resumed_it_falls_due_ten_days_later() {
        fixture().given(suspended(date(7, 20)))
                .when(new ResumeResolution(ID, null, date(7, 30), TODAY))
                .expectEvents(new ResolutionResumed(ID, date(7, 30), 10, date(8, 17)));
    }

    @Test
    void a_suspension_is_recorded_with_its_reason_and_the_complaint_stays_open() {
        fixture().given(complaintAccepted(date(7, 8)))
                .when(new SuspendResolution(ID, null, date(7, 20), "Chờ kết quả giám định", TODAY))
                .expectEvents(new ResolutionSuspended(ID, date(7, 20), "Chờ kết quả giám định"))
                .expectState(petition -> org.assertj.core.api.Assertions.assertThat(
                        PetitionStep.allowedIn(new PetitionStanding(PetitionKind.COMPLAINT, PetitionStatus.SUSPENDED,
                                null, 0)))
                        .containsExactly(PetitionStep.RESUME, PetitionStep.TERMINATE, PetitionStep.WITHDRAW_PART,
                                PetitionStep.WITHDRAW));
    }

    @Test
    void a_terminated_complaint_closes_as_terminated_suspended_or_not() {
        fixture().given(suspended(date(7, 20)))
                .when(new TerminateResolution(ID, null, date(7, 22), "Người khiếu nại chết", TODAY))
                .expectEvents(new ResolutionTerminated(ID, date(7, 22), "Người khiếu nại chết"));
        org.assertj.core.api.Assertions.assertThat(new ResolutionTerminated(ID, date(7, 22), "x").closedAs())
                .isEqualTo(PetitionStatus.TERMINATED);
    }

    @Test
    void a_partial_withdrawal_leaves_the_complaint_open_for_the_rest() {
        fixture().given(complaintAccepted(date(7, 8)))
                .when(new WithdrawPart(ID, null, date(7, 10), "Yêu cầu bồi thường", "Đã được hỗ trợ", TODAY))
                .expectEvents(new PartWithdrawn(ID, date(7, 10), "Yêu cầu bồi thường", "Đã được hỗ trợ"));
        fixture().given(complaintAccepted(date(7, 8)))
                .andGiven(new PartWithdrawn(ID, date(7, 10), "Yêu cầu bồi thường", null))
                .when(new WithdrawPart(ID, null, date(7, 12), "Yêu cầu hủy quyết định", null, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_escalation_since_july_2025_goes_to_a_provincial_body() {
        fixture().given(complaintAccepted(date(7, 8)))
                .when(new EscalatePetition(ID, null, date(8, 1), EscalationLevel.PROVINCIAL_CHAIR,
                        "Chủ tịch UBND tỉnh", "Khiếu nại lần hai", TODAY))
                .expectEvents(new PetitionEscalated(ID, date(8, 1), EscalationLevel.PROVINCIAL_CHAIR,
                        "Chủ tịch UBND tỉnh", "Khiếu nại lần hai"));
    }
}
