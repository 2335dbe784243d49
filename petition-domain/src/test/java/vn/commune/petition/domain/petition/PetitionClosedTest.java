package vn.commune.petition.domain.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.TODAY;
import static vn.commune.petition.domain.petition.PetitionFixture.accepted;
import static vn.commune.petition.domain.petition.PetitionFixture.breaks;
import static vn.commune.petition.domain.petition.PetitionFixture.day;
import static vn.commune.petition.domain.petition.PetitionFixture.fixture;
import static vn.commune.petition.domain.petition.PetitionFixture.received;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A closing step is declared once, as a record permitted by PetitionClosed: these walk the sealed
 * hierarchy, so a new closing step that a place does not know fails here.
 */
class PetitionClosedTest {

    /** One of each closing step, dated 20 January 2024. */
    static List<PetitionClosed> closingSteps() {
        return List.of(
                new PetitionAnswered(ID, day(1, 20), "15/UBND", "Trả lời"),
                new PetitionEscalated(ID, day(1, 20), null, "UBND huyện", "Hòa giải không thành"),
                new PetitionForwarded(ID, day(1, 20), "Công an huyện", "Không thuộc thẩm quyền"),
                new PetitionerGuided(ID, day(1, 20), "Tòa án nhân dân huyện"),
                new PetitionRejected(ID, day(1, 20), "Luật Khiếu nại Đ11"),
                new PetitionArchived(ID, day(1, 20), "Đơn trùng"),
                new PetitionWithdrawn(ID, day(1, 20), "Công dân rút đơn"),
                new ResolutionTerminated(ID, day(1, 20), "Luật Khiếu nại Đ11a"));
    }

    @Test
    void every_closing_step_has_an_example_here() {
        assertThat(closingSteps().stream().<Class<?>>map(Object::getClass))
                .containsExactlyInAnyOrder(PetitionClosed.class.getPermittedSubclasses());
    }

    @Test
    void the_closing_steps_close_as_the_closed_statuses_each_as_its_own() {
        assertThat(closingSteps()).extracting(step -> step.getClass().getSimpleName(), PetitionClosed::closedAs)
                .containsExactly(
                        tuple("PetitionAnswered", PetitionStatus.RESOLVED),
                        tuple("PetitionEscalated", PetitionStatus.ESCALATED),
                        tuple("PetitionForwarded", PetitionStatus.FORWARDED),
                        tuple("PetitionerGuided", PetitionStatus.GUIDED),
                        tuple("PetitionRejected", PetitionStatus.REJECTED),
                        tuple("PetitionArchived", PetitionStatus.ARCHIVED),
                        tuple("PetitionWithdrawn", PetitionStatus.WITHDRAWN),
                        tuple("ResolutionTerminated", PetitionStatus.TERMINATED));
        assertThat(closingSteps().stream().map(PetitionClosed::closedAs))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PetitionStatus.values())
                        .filter(PetitionStatus::closed).toList());
    }

    @Test
    void the_event_types_are_the_records_of_the_sealed_hierarchy_closing_ones_included() {
        assertThat(PetitionEvent.types())
                .doesNotHaveDuplicates()
                .allMatch(Class::isRecord)
                .contains(PetitionReceived.class, PetitionAccepted.class, DeadlineExtended.class)
                .containsAll(closingSteps().stream().<Class<? extends PetitionEvent>>map(PetitionEvent::getClass)
                        .toList())
                .hasSize(PetitionEvent.class.getPermittedSubclasses().length - 2
                        + PetitionClosed.class.getPermittedSubclasses().length
                        + PetitionRecord.class.getPermittedSubclasses().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingSteps")
    void after_a_closing_step_the_petition_takes_no_further_step(PetitionClosed step) {
        fixture().given(received(PetitionKind.RECOMMENDATION), accepted(PetitionKind.RECOMMENDATION), step)
                .when(new WithdrawPetition(ID, null, day(1, 21), null, TODAY))
                .expectNoEvents()
                .expectException(breaks(PetitionRule.PETITION_CLOSED));
    }
}
