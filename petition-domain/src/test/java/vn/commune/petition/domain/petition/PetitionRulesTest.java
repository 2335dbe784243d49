package vn.commune.petition.domain.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.TODAY;
import static vn.commune.petition.domain.petition.PetitionFixture.accepted;
import static vn.commune.petition.domain.petition.PetitionFixture.breaks;
import static vn.commune.petition.domain.petition.PetitionFixture.day;
import static vn.commune.petition.domain.petition.PetitionFixture.fixture;
import static vn.commune.petition.domain.petition.PetitionFixture.receive;
import static vn.commune.petition.domain.petition.PetitionFixture.received;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.Complexity;

/** One test per named rule: the step is refused with that rule's name, and nothing is written. */
class PetitionRulesTest {

    /** The rules these tests exercised; checked against the enum after all of them ran. */
    private static final Set<PetitionRule> EXERCISED = EnumSet.noneOf(PetitionRule.class);

    private AggregateTestFixture<Petition> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void refused(PetitionRule rule, org.axonframework.test.aggregate.ResultValidator<Petition> result) {
        result.expectNoEvents().expectException(breaks(rule));
        EXERCISED.add(rule);
    }

    @Test
    void a_closed_petition_takes_no_further_step() {
        refused(PetitionRule.PETITION_CLOSED, fixture
                .given(received(PetitionKind.COMPLAINT), new PetitionWithdrawn(ID, day(1, 6), null))
                .when(new AcceptPetition(ID, null, day(1, 8), Complexity.NORMAL, TODAY)));
    }

    @Test
    void a_resolved_petition_cannot_be_withdrawn() {
        refused(PetitionRule.PETITION_CLOSED, fixture
                .given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new PetitionAnswered(ID, day(1, 20), "15/UBND", "Trả lời"))
                .when(new WithdrawPetition(ID, null, day(1, 21), null, TODAY)));
    }

    @Test
    void an_accepted_petition_cannot_be_accepted_again() {
        refused(PetitionRule.ALREADY_ACCEPTED, fixture
                .given(received(PetitionKind.COMPLAINT), accepted(PetitionKind.COMPLAINT))
                .when(new AcceptPetition(ID, null, day(1, 8), Complexity.NORMAL, TODAY)));
    }

    @Test
    void an_accepted_petition_cannot_be_forwarded_guided_rejected_or_archived() {
        var given = new Object[] {received(PetitionKind.COMPLAINT), accepted(PetitionKind.COMPLAINT)};
        refused(PetitionRule.ALREADY_ACCEPTED, fixture.given(given)
                .when(new ForwardPetition(ID, null, day(1, 8), "UBND huyện", null, TODAY)));
        refused(PetitionRule.ALREADY_ACCEPTED, fixture.given(given)
                .when(new GuidePetitioner(ID, null, day(1, 8), "Tòa án", TODAY)));
        refused(PetitionRule.ALREADY_ACCEPTED, fixture.given(given)
                .when(new RejectPetition(ID, null, day(1, 8), "Đ11", TODAY)));
        refused(PetitionRule.ALREADY_ACCEPTED, fixture.given(given)
                .when(new ArchivePetition(ID, null, day(1, 8), "Trùng", TODAY)));
    }

    @Test
    void a_petition_not_yet_accepted_cannot_be_mediated_answered_escalated_or_extended() {
        var given = received(PetitionKind.RECOMMENDATION);
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new RecordMediation(ID, null, day(1, 8), MediationOutcome.SUCCEEDED, null, null, TODAY)));
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new AnswerInWriting(ID, null, day(1, 8), "1/UBND", "x", TODAY)));
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new EscalatePetition(ID, null, day(1, 8), null, "UBND huyện", "x", TODAY)));
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new ExtendDeadline(ID, null, day(1, 8), 10, "x", TODAY)));
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new HoldDialogue(ID, null, day(1, 8), null, TODAY)));
        refused(PetitionRule.NOT_ACCEPTED, fixture.given(given)
                .when(new ConsultAdvisoryCouncil(ID, null, day(1, 8), null, TODAY)));
    }

    @Test
    void a_failed_mediation_cannot_be_answered_in_writing() {
        refused(PetitionRule.LAST_MEDIATION_FAILED, fixture
                .given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new MediationSucceeded(ID, day(1, 10), null, null),
                        new MediationFailed(ID, day(1, 17), null, null))
                .when(new AnswerInWriting(ID, null, day(1, 18), "1/UBND", "x", TODAY)));
    }

    @Test
    void a_successful_mediation_cannot_be_escalated() {
        refused(PetitionRule.LAST_MEDIATION_SUCCEEDED, fixture
                .given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new MediationSucceeded(ID, day(1, 10), null, null))
                .when(new EscalatePetition(ID, null, day(1, 11), null, "UBND huyện", "x", TODAY)));
    }

    @Test
    void a_denunciation_that_is_not_complex_cannot_be_extended() {
        refused(PetitionRule.EXTENSION_LIMIT_EXCEEDED, fixture
                .given(received(PetitionKind.DENUNCIATION), accepted(PetitionKind.DENUNCIATION))
                .when(new ExtendDeadline(ID, null, day(1, 20), 30, "x", TODAY)));
    }

    @Test
    void a_complex_denunciation_cannot_be_extended_twice() {
        refused(PetitionRule.EXTENSION_LIMIT_EXCEEDED, fixture
                .given(received(PetitionKind.DENUNCIATION),
                        accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.COMPLEX),
                        new DeadlineExtended(ID, day(2, 1), 30, "Lần 1", 1, day(3, 6)))
                .when(new ExtendDeadline(ID, null, day(3, 1), 30, "Lần 2", TODAY)));
    }

    @Test
    void an_especially_complex_denunciation_cannot_be_extended_a_third_time() {
        refused(PetitionRule.EXTENSION_LIMIT_EXCEEDED, fixture
                .given(received(PetitionKind.DENUNCIATION),
                        accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.ESPECIALLY_COMPLEX),
                        new DeadlineExtended(ID, day(2, 1), 30, "Lần 1", 1, day(3, 6)),
                        new DeadlineExtended(ID, day(3, 1), 30, "Lần 2", 2, day(4, 5)))
                .when(new ExtendDeadline(ID, null, day(4, 1), 30, "Lần 3", TODAY)));
    }

    @Test
    void a_complaint_is_never_extended() {
        refused(PetitionRule.EXTENSION_LIMIT_EXCEEDED, fixture
                .given(received(PetitionKind.COMPLAINT),
                        accepted(PetitionKind.COMPLAINT, day(1, 5), Complexity.COMPLEX))
                .when(new ExtendDeadline(ID, null, day(1, 20), 10, "x", TODAY)));
    }

    @Test
    void an_extension_longer_than_thirty_days_is_refused() {
        refused(PetitionRule.EXTENSION_TOO_LONG, fixture
                .given(received(PetitionKind.DENUNCIATION),
                        accepted(PetitionKind.DENUNCIATION, day(1, 5), Complexity.COMPLEX))
                .when(new ExtendDeadline(ID, null, day(1, 20), 31, "x", TODAY)));
    }

    @Test
    void a_petition_cannot_be_received_on_a_future_date() {
        refused(PetitionRule.DATE_IN_FUTURE, fixture.givenNoPriorActivity()
                .when(receive(PetitionKind.COMPLAINT, TODAY.plusDays(1))));
    }

    @Test
    void a_step_cannot_be_dated_in_the_future() {
        refused(PetitionRule.DATE_IN_FUTURE, fixture
                .given(received(PetitionKind.COMPLAINT))
                .when(new AcceptPetition(ID, null, TODAY.plusDays(1), Complexity.NORMAL, TODAY)));
    }

    @Test
    void a_step_cannot_be_dated_before_the_previous_step() {
        refused(PetitionRule.DATE_BEFORE_PREVIOUS_STEP, fixture
                .given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION),
                        new MediationSucceeded(ID, day(1, 10), null, null))
                .when(new AnswerInWriting(ID, null, day(1, 9), "1/UBND", "x", TODAY)));
    }

    @Test
    void acceptance_cannot_be_dated_before_receipt() {
        refused(PetitionRule.DATE_BEFORE_PREVIOUS_STEP, fixture
                .given(received(PetitionKind.RECOMMENDATION))
                .when(new AcceptPetition(ID, null, day(1, 3), Complexity.NORMAL, TODAY)));
    }

    @Test
    void a_scan_is_of_a_document_the_receipt_lists() {
        PetitionReceived withOne = new PetitionReceived(ID, "2024-0001", day(1, 4), Channel.POST, PetitionKind.COMPLAINT,
                "Đất đai", "Tranh chấp", List.of(), null, null, day(1, 18), "VN-2019",
                List.of(new HandedOverDocument("Sổ đỏ", 2, false)), "sha256:00", null);
        refused(PetitionRule.NO_SUCH_DOCUMENT, fixture.given(withOne)
                .when(new AttachScan(ID, 2, "application/pdf", 10, "ab", TODAY)));
        refused(PetitionRule.NO_SUCH_DOCUMENT, fixture.given(withOne)
                .when(new AttachScan(ID, 0, "application/pdf", 10, "ab", TODAY)));
        refused(PetitionRule.NO_SUCH_DOCUMENT, fixture.given(received(PetitionKind.COMPLAINT))
                .when(new AttachScan(ID, 1, "application/pdf", 10, "ab", TODAY)));
        fixture.given(withOne, new PetitionWithdrawn(ID, day(1, 6), null))
                .when(new AttachScan(ID, 1, "application/pdf", 10, "ab", TODAY))
                .expectEvents(new ScanAttached(ID, TODAY, 1, "application/pdf", 10, "ab"));
    }

    /** A scan or a new lookup code is recorded on the day it is, and a step typed in later may be dated before it. */
    @Test
    void a_record_of_today_does_not_hold_back_a_step_dated_before_it() {
        fixture.given(received(PetitionKind.RECOMMENDATION), new LookupCodeReplaced(ID, day(3, 1), "sha256:01"))
                .when(new AcceptPetition(ID, null, day(1, 8), Complexity.NORMAL, TODAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(received(PetitionKind.RECOMMENDATION))
                .when(new ReplaceLookupCode(ID, "sha256:02", TODAY))
                .expectEvents(new LookupCodeReplaced(ID, TODAY, "sha256:02"));
    }

    @Test
    void the_steps_of_law_136_are_refused_before_1_july_2026() {
        var june = Law136JourneysTest.complaintAccepted(Law136JourneysTest.date(6, 1));
        refused(PetitionRule.NOT_YET_IN_FORCE, Law136JourneysTest.fixture().given(june)
                .when(new SuspendResolution(ID, null, Law136JourneysTest.date(6, 30), "Chờ giám định", Law136JourneysTest.TODAY)));
        refused(PetitionRule.NOT_YET_IN_FORCE, Law136JourneysTest.fixture().given(june)
                .when(new TerminateResolution(ID, null, Law136JourneysTest.date(6, 30), "Đ11a", Law136JourneysTest.TODAY)));
        refused(PetitionRule.NOT_YET_IN_FORCE, Law136JourneysTest.fixture().given(june)
                .when(new WithdrawPart(ID, null, Law136JourneysTest.date(6, 30), "Bồi thường", null, Law136JourneysTest.TODAY)));
    }

    @Test
    void only_a_complaint_is_suspended_terminated_or_withdrawn_in_part() {
        var given = new Object[] {received(PetitionKind.DENUNCIATION), accepted(PetitionKind.DENUNCIATION)};
        refused(PetitionRule.COMPLAINTS_ONLY, fixture.given(given)
                .when(new SuspendResolution(ID, null, day(1, 8), "x", TODAY)));
        refused(PetitionRule.COMPLAINTS_ONLY, fixture.given(given)
                .when(new WithdrawPart(ID, null, day(1, 8), "x", null, TODAY)));
    }

    @Test
    void a_suspended_complaint_takes_no_resolution_step_until_resumed() {
        var given = Law136JourneysTest.suspended(Law136JourneysTest.date(7, 20));
        refused(PetitionRule.RESOLUTION_SUSPENDED, Law136JourneysTest.fixture().given(given)
                .when(new AnswerInWriting(ID, null, Law136JourneysTest.date(7, 25), "15/QĐ-UBND", "x", Law136JourneysTest.TODAY)));
        refused(PetitionRule.RESOLUTION_SUSPENDED, Law136JourneysTest.fixture().given(given)
                .when(new SuspendResolution(ID, null, Law136JourneysTest.date(7, 25), "x", Law136JourneysTest.TODAY)));
    }

    @Test
    void only_a_suspended_resolution_is_resumed() {
        refused(PetitionRule.NOT_SUSPENDED, Law136JourneysTest.fixture()
                .given(Law136JourneysTest.complaintAccepted(Law136JourneysTest.date(7, 8)))
                .when(new ResumeResolution(ID, null, Law136JourneysTest.date(7, 20), Law136JourneysTest.TODAY)));
    }

    @Test
    void a_part_withdrawn_is_not_withdrawn_again() {
        var given = new java.util.ArrayList<>(Law136JourneysTest.complaintAccepted(Law136JourneysTest.date(7, 8)));
        given.add(new PartWithdrawn(ID, Law136JourneysTest.date(7, 10), "Yêu cầu bồi thường", null));
        refused(PetitionRule.PART_ALREADY_WITHDRAWN, Law136JourneysTest.fixture().given(given)
                .when(new WithdrawPart(ID, null, Law136JourneysTest.date(7, 12), "  yêu cầu   BỒI THƯỜNG ", null,
                        Law136JourneysTest.TODAY)));
    }

    @Test
    void an_escalation_since_july_2025_names_a_level_that_exists() {
        var given = Law136JourneysTest.complaintAccepted(Law136JourneysTest.date(7, 8));
        refused(PetitionRule.ESCALATION_LEVEL_REQUIRED, Law136JourneysTest.fixture().given(given)
                .when(new EscalatePetition(ID, null, Law136JourneysTest.date(7, 20), null, "UBND tỉnh", "x",
                        Law136JourneysTest.TODAY)));
        refused(PetitionRule.ESCALATION_LEVEL_REQUIRED, Law136JourneysTest.fixture().given(given)
                .when(new EscalatePetition(ID, null, Law136JourneysTest.date(7, 20), EscalationLevel.DISTRICT, "UBND huyện",
                        "x", Law136JourneysTest.TODAY)));
    }

    @AfterAll
    static void every_rule_has_a_test() {
        Set<String> tested = EXERCISED.stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> all = Arrays.stream(PetitionRule.values()).map(Enum::name).collect(Collectors.toSet());
        // Only meaningful when the whole class ran; a single selected test skips the check.
        if (Arrays.stream(PetitionRulesTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count() == testsRun) {
            assertThat(tested).as("rules exercised by a test").isEqualTo(all);
        }
    }

    private static long testsRun;

    @org.junit.jupiter.api.AfterEach
    void count() {
        testsRun++;
    }
}
