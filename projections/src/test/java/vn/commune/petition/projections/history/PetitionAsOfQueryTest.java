package vn.commune.petition.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.projections.ClosingSteps;
import vn.commune.petition.projections.petition.PetitionView;

/** A petition folded from its events, as the as-of reads fold it: every closing step closes it as it says. */
class PetitionAsOfQueryTest {

    private static final LocalDate RECEIVED_ON = LocalDate.of(2024, 3, 7);
    private static final LocalDate DUE_ON = LocalDate.of(2024, 4, 8);
    private static final LocalDate CLOSED_ON = LocalDate.of(2024, 4, 9);

    static List<PetitionClosed> closingSteps() {
        return ClosingSteps.of("p-1", CLOSED_ON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingSteps")
    void each_closing_step_closes_the_folded_petition_as_it_says_on_its_date(PetitionClosed step) {
        PetitionView view = PetitionAsOfQuery.fold(messages(
                new PetitionReceived("p-1", "2024-0007", RECEIVED_ON, Channel.POST, PetitionKind.COMPLAINT, "Đất đai",
                        "Tranh chấp", List.of(), "Khu 3", null, RECEIVED_ON.plusDays(10), "VN-2019", List.of(), null, null),
                new PetitionAccepted("p-1", RECEIVED_ON.plusDays(1), PetitionKind.COMPLAINT, Complexity.NORMAL, DUE_ON,
                        "VN-2019", 0, 0),
                step));

        assertThat(view.status()).isEqualTo(step.closedAs());
        assertThat(view.closedOn()).isEqualTo(CLOSED_ON);
        assertThat(view.timeliness()).isEqualTo(Timeliness.LATE);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.steps()).last().isEqualTo(new PetitionView.Step(step.getClass().getSimpleName(), CLOSED_ON));
    }

    private static List<DomainEventMessage<?>> messages(PetitionEvent... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (PetitionEvent event : events) {
            messages.add(new GenericDomainEventMessage<>("Petition", event.petitionId(), messages.size(), event));
        }
        return messages;
    }
}
