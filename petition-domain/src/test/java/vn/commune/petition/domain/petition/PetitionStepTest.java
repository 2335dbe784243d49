package vn.commune.petition.domain.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.TODAY;
import static vn.commune.petition.domain.petition.PetitionFixture.accepted;
import static vn.commune.petition.domain.petition.PetitionFixture.breaks;
import static vn.commune.petition.domain.petition.PetitionFixture.day;
import static vn.commune.petition.domain.petition.PetitionFixture.fixture;
import static vn.commune.petition.domain.petition.PetitionFixture.received;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.Complexity;

/**
 * The steps a page offers are the steps the aggregate takes: for petitions standing in each way that
 * matters, every step is taken if PetitionStep says it may be, and otherwise refused with the rule
 * PetitionStep names.
 */
class PetitionStepTest {

    private static final LocalDate ON = day(3, 10);

    /** A history, and where it leaves the petition (written out here, not worked out from the events). */
    private record History(String name, List<Object> events, PetitionStanding standing) {
    }

    private static List<Object> complexDenunciation(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(received(PetitionKind.DENUNCIATION),
                accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.COMPLEX)));
        events.addAll(List.of(more));
        return events;
    }

    private static final List<History> HISTORIES = List.of(
            new History("received", List.of(received(PetitionKind.COMPLAINT)),
                    new PetitionStanding(PetitionKind.COMPLAINT, PetitionStatus.RECEIVED, null, 0)),
            new History("accepted, one extension allowed", complexDenunciation(),
                    new PetitionStanding(PetitionKind.DENUNCIATION, PetitionStatus.ACCEPTED, null, 1)),
            new History("accepted, its extension used", complexDenunciation(
                    new DeadlineExtended(ID, day(2, 1), 30, "Lần 1", 1, day(3, 6))),
                    new PetitionStanding(PetitionKind.DENUNCIATION, PetitionStatus.ACCEPTED, null, 0)),
            new History("mediation failed", complexDenunciation(new MediationFailed(ID, day(1, 17), null, null)),
                    new PetitionStanding(PetitionKind.DENUNCIATION, PetitionStatus.ACCEPTED, MediationOutcome.FAILED, 1)),
            new History("mediation succeeded", complexDenunciation(new MediationSucceeded(ID, day(1, 17), null, null)),
                    new PetitionStanding(PetitionKind.DENUNCIATION, PetitionStatus.ACCEPTED, MediationOutcome.SUCCEEDED, 1)),
            new History("withdrawn", List.of(received(PetitionKind.COMPLAINT), new PetitionWithdrawn(ID, day(1, 6), null)),
                    new PetitionStanding(PetitionKind.COMPLAINT, PetitionStatus.WITHDRAWN, null, 0)));

    private static Object command(PetitionStep step) {
        return switch (step) {
            case ACCEPT -> new AcceptPetition(ID, null, ON, Complexity.NORMAL, TODAY);
            case FORWARD -> new ForwardPetition(ID, null, ON, "UBND huyện", null, TODAY);
            case GUIDE -> new GuidePetitioner(ID, null, ON, "Tòa án nhân dân huyện", TODAY);
            case REJECT -> new RejectPetition(ID, null, ON, "Điều 11 Luật Khiếu nại", TODAY);
            case ARCHIVE -> new ArchivePetition(ID, null, ON, "Trùng đơn", TODAY);
            case MEDIATE -> new RecordMediation(ID, null, ON, MediationOutcome.SUCCEEDED, null, null, TODAY);
            case HOLD_DIALOGUE -> new HoldDialogue(ID, null, ON, null, TODAY);
            case CONSULT_ADVISORY_COUNCIL -> new ConsultAdvisoryCouncil(ID, null, ON, null, TODAY);
            case EXTEND_DEADLINE -> new ExtendDeadline(ID, null, ON, 10, "Cần xác minh thêm", TODAY);
            case ANSWER_IN_WRITING -> new AnswerInWriting(ID, null, ON, "15/UBND", "Trả lời", TODAY);
            case ESCALATE -> new EscalatePetition(ID, null, ON, null, "UBND huyện", "Hòa giải không thành", TODAY);
            case SUSPEND -> new SuspendResolution(ID, null, ON, "Chờ kết quả giám định", TODAY);
            case RESUME -> new ResumeResolution(ID, null, ON, TODAY);
            case TERMINATE -> new TerminateResolution(ID, null, ON, "Người khiếu nại chết", TODAY);
            case WITHDRAW_PART -> new WithdrawPart(ID, null, ON, "Yêu cầu bồi thường", null, TODAY);
            case WITHDRAW -> new WithdrawPetition(ID, null, ON, null, TODAY);
        };
    }

    @Test
    void every_step_is_taken_where_it_is_allowed_and_refused_with_its_rule_where_it_is_not() {
        int taken = 0;
        int refused = 0;
        for (History history : HISTORIES) {
            for (PetitionStep step : PetitionStep.values()) {
                var result = fixture().given(history.events()).when(command(step));
                var refusal = step.refusal(history.standing()).or(() -> step.refusalOn(ON));
                if (refusal.isEmpty()) {
                    result.expectSuccessfulHandlerExecution();
                    taken++;
                } else {
                    result.expectNoEvents().expectException(breaks(refusal.get()));
                    refused++;
                }
            }
        }
        assertThat(taken).as("steps taken").isPositive();
        assertThat(refused).as("steps refused").isPositive();
    }

    @Test
    void a_received_petition_is_decided_on_or_withdrawn() {
        assertThat(PetitionStep.allowedIn(new PetitionStanding(PetitionKind.COMPLAINT, PetitionStatus.RECEIVED, null, 0))).containsExactly(
                PetitionStep.ACCEPT, PetitionStep.FORWARD, PetitionStep.GUIDE, PetitionStep.REJECT,
                PetitionStep.ARCHIVE, PetitionStep.WITHDRAW_PART, PetitionStep.WITHDRAW);
    }

    @Test
    void an_accepted_petition_whose_mediation_failed_is_escalated_not_answered() {
        assertThat(PetitionStep.allowedIn(new PetitionStanding(PetitionKind.COMPLAINT, PetitionStatus.ACCEPTED, MediationOutcome.FAILED, 0)))
                .contains(PetitionStep.ESCALATE, PetitionStep.MEDIATE, PetitionStep.WITHDRAW)
                .doesNotContain(PetitionStep.ANSWER_IN_WRITING, PetitionStep.EXTEND_DEADLINE, PetitionStep.ACCEPT);
    }

    @Test
    void a_closed_petition_takes_no_step() {
        for (PetitionStatus status : EnumSet.allOf(PetitionStatus.class).stream().filter(PetitionStatus::closed).toList()) {
            assertThat(PetitionStep.allowedIn(new PetitionStanding(PetitionKind.COMPLAINT, status, null, 3))).as("%s", status).isEmpty();
        }
    }
}
