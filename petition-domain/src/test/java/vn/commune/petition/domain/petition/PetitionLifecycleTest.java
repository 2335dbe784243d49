package vn.commune.petition.domain.petition;

import static vn.commune.petition.domain.petition.PetitionFixture.DEADLINES;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.RECEIVED_ON;
import static vn.commune.petition.domain.petition.PetitionFixture.TODAY;
import static vn.commune.petition.domain.petition.PetitionFixture.accepted;
import static vn.commune.petition.domain.petition.PetitionFixture.day;
import static vn.commune.petition.domain.petition.PetitionFixture.fixture;
import static vn.commune.petition.domain.petition.PetitionFixture.receive;
import static vn.commune.petition.domain.petition.PetitionFixture.received;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.Complexity;

/** Every allowed step of PRODUCT.md's table produces its event. */
class PetitionLifecycleTest {

    private AggregateTestFixture<Petition> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_received_petition_gets_its_handling_deadline_under_the_named_rules() {
        // A recommendation: 10 working days from Thursday 4 January 2024.
        fixture.givenNoPriorActivity()
                .when(receive(PetitionKind.RECOMMENDATION, RECEIVED_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PetitionReceived(ID, "2024-0001", RECEIVED_ON, Channel.RECEPTION_SESSION,
                        PetitionKind.RECOMMENDATION, "Đất đai", "Tranh chấp ranh giới đất", PetitionFixture.PETITIONERS,
                        "Khu 3", null, LocalDate.of(2024, 1, 18), "VN-2019", List.of(), null, null));
    }

    @Test
    void a_received_petition_can_be_accepted_with_its_resolution_deadline() {
        // A complaint: 30 days from 5 January 2024 is Sunday 4 February, so Monday 5 February.
        fixture.given(received(PetitionKind.COMPLAINT))
                .when(new AcceptPetition(ID, null, day(1, 5), Complexity.NORMAL, TODAY))
                .expectEvents(new PetitionAccepted(ID, day(1, 5), PetitionKind.COMPLAINT, Complexity.NORMAL,
                        day(2, 5), "VN-2019", 0, 0));
    }

    @Test
    void a_complex_denunciation_is_accepted_with_one_extension_allowed() {
        fixture.given(received(PetitionKind.DENUNCIATION))
                .when(new AcceptPetition(ID, null, day(1, 5), Complexity.COMPLEX, TODAY))
                .expectEvents(new PetitionAccepted(ID, day(1, 5), PetitionKind.DENUNCIATION, Complexity.COMPLEX,
                        day(2, 5), "VN-2019", 1, 30));
    }

    @Test
    void a_received_petition_can_be_forwarded() {
        fixture.given(received(PetitionKind.FEEDBACK))
                .when(new ForwardPetition(ID, null, day(1, 8), "UBND huyện", "Ngoài thẩm quyền", TODAY))
                .expectEvents(new PetitionForwarded(ID, day(1, 8), "UBND huyện", "Ngoài thẩm quyền"));
    }

    @Test
    void a_received_petitioner_can_be_guided() {
        fixture.given(received(PetitionKind.COMPLAINT))
                .when(new GuidePetitioner(ID, null, day(1, 8), "Tòa án nhân dân huyện", TODAY))
                .expectEvents(new PetitionerGuided(ID, day(1, 8), "Tòa án nhân dân huyện"));
    }

    @Test
    void a_received_petition_can_be_rejected_on_a_legal_ground() {
        fixture.given(received(PetitionKind.COMPLAINT))
                .when(new RejectPetition(ID, null, day(1, 8), "Luật Khiếu nại Đ11.6: hết thời hiệu", TODAY))
                .expectEvents(new PetitionRejected(ID, day(1, 8), "Luật Khiếu nại Đ11.6: hết thời hiệu"));
    }

    @Test
    void a_received_petition_can_be_archived() {
        fixture.given(received(PetitionKind.DENUNCIATION))
                .when(new ArchivePetition(ID, null, day(1, 8), "Đơn nặc danh, không có chứng cứ", TODAY))
                .expectEvents(new PetitionArchived(ID, day(1, 8), "Đơn nặc danh, không có chứng cứ"));
    }

    @Test
    void mediations_may_repeat_and_a_success_after_a_failure_allows_the_written_answer() {
        fixture.given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new MediationFailed(ID, day(1, 10), "BB-01", null),
                        new MediationSucceeded(ID, day(1, 17), "BB-02", null))
                .when(new AnswerInWriting(ID, null, day(1, 18), "15/UBND", "Đã hòa giải thành", TODAY))
                .expectEvents(new PetitionAnswered(ID, day(1, 18), "15/UBND", "Đã hòa giải thành"));
    }

    @Test
    void a_mediation_outcome_produces_its_own_event() {
        fixture.given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION))
                .when(new RecordMediation(ID, null, day(1, 10), MediationOutcome.FAILED, "BB-01", "Không thống nhất",
                        TODAY))
                .expectEvents(new MediationFailed(ID, day(1, 10), "BB-01", "Không thống nhất"));
        fixture.given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION))
                .when(new RecordMediation(ID, null, day(1, 10), MediationOutcome.SUCCEEDED, null, null, TODAY))
                .expectEvents(new MediationSucceeded(ID, day(1, 10), null, null));
    }

    @Test
    void an_accepted_petition_can_hold_a_dialogue_and_consult_the_advisory_council() {
        fixture.given(received(PetitionKind.COMPLAINT), accepted(PetitionKind.COMPLAINT))
                .when(new HoldDialogue(ID, null, day(1, 12), "BB-ĐT-01", TODAY))
                .expectEvents(new DialogueHeld(ID, day(1, 12), "BB-ĐT-01"));
        fixture.given(received(PetitionKind.COMPLAINT), accepted(PetitionKind.COMPLAINT))
                .when(new ConsultAdvisoryCouncil(ID, null, day(1, 12), "BB-HĐTV-01", TODAY))
                .expectEvents(new AdvisoryCouncilConsulted(ID, day(1, 12), "BB-HĐTV-01"));
    }

    @Test
    void an_accepted_petition_without_mediation_can_be_answered_or_escalated() {
        fixture.given(received(PetitionKind.FEEDBACK), accepted(PetitionKind.FEEDBACK))
                .when(new AnswerInWriting(ID, null, day(1, 20), "20/UBND", "Trả lời", TODAY))
                .expectEvents(new PetitionAnswered(ID, day(1, 20), "20/UBND", "Trả lời"));
        fixture.given(received(PetitionKind.FEEDBACK), accepted(PetitionKind.FEEDBACK))
                .when(new EscalatePetition(ID, null, day(1, 20), null, "UBND huyện", "Vượt thẩm quyền", TODAY))
                .expectEvents(new PetitionEscalated(ID, day(1, 20), null, "UBND huyện", "Vượt thẩm quyền"));
    }

    @Test
    void a_failed_mediation_is_escalated() {
        fixture.given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new MediationFailed(ID, day(1, 10), null, null))
                .when(new EscalatePetition(ID, null, day(1, 11), null, "UBND huyện", "Hòa giải không thành", TODAY))
                .expectEvents(new PetitionEscalated(ID, day(1, 11), null, "UBND huyện", "Hòa giải không thành"));
    }

    @Test
    void a_petition_can_be_withdrawn_before_or_after_acceptance() {
        fixture.given(received(PetitionKind.COMPLAINT))
                .when(new WithdrawPetition(ID, null, day(1, 6), "Đã tự thỏa thuận", TODAY))
                .expectEvents(new PetitionWithdrawn(ID, day(1, 6), "Đã tự thỏa thuận"));
        fixture.given(received(PetitionKind.COMPLAINT), accepted(PetitionKind.COMPLAINT))
                .when(new WithdrawPetition(ID, null, day(1, 6), null, TODAY))
                .expectEvents(new PetitionWithdrawn(ID, day(1, 6), null));
    }

    @Test
    void an_extension_moves_the_deadline_by_calendar_days_to_a_working_day() {
        // Resolution due Monday 5 February 2024; +30 days is Wednesday 6 March.
        fixture.given(received(PetitionKind.DENUNCIATION),
                        accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.COMPLEX))
                .when(new ExtendDeadline(ID, null, day(2, 1), 30, "Phải xác minh nhiều nơi", TODAY))
                .expectEvents(new DeadlineExtended(ID, day(2, 1), 30, "Phải xác minh nhiều nơi", 1, day(3, 6)));
    }

    @Test
    void an_especially_complex_denunciation_may_be_extended_twice() {
        fixture.given(received(PetitionKind.DENUNCIATION),
                        accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.ESPECIALLY_COMPLEX),
                        new DeadlineExtended(ID, day(2, 1), 30, "Lần 1", 1, day(3, 6)))
                .when(new ExtendDeadline(ID, null, day(3, 1), 30, "Lần 2", TODAY))
                .expectEvents(new DeadlineExtended(ID, day(3, 1), 30, "Lần 2", 2,
                        DEADLINES.extend(day(3, 6), 30)));
    }

    @Test
    void a_recommendation_may_be_extended_once_by_the_communes_limit() {
        var accepted = accepted(PetitionKind.RECOMMENDATION);
        fixture.given(received(PetitionKind.RECOMMENDATION), accepted)
                .when(new ExtendDeadline(ID, null, day(1, 20), 15, "Chờ ý kiến", TODAY))
                .expectEvents(new DeadlineExtended(ID, day(1, 20), 15, "Chờ ý kiến", 1,
                        DEADLINES.extend(accepted.dueOn(), 15)));
    }

    @Test
    void a_step_on_the_same_day_as_the_previous_one_is_allowed() {
        fixture.given(received(PetitionKind.RECOMMENDATION))
                .when(new AcceptPetition(ID, null, RECEIVED_ON, Complexity.NORMAL, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_step_typed_in_today_for_today_is_allowed() {
        fixture.given(received(PetitionKind.RECOMMENDATION))
                .when(new AcceptPetition(ID, null, TODAY, Complexity.NORMAL, TODAY))
                .expectSuccessfulHandlerExecution();
    }
}
