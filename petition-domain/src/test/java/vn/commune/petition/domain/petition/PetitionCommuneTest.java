package vn.commune.petition.domain.petition;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static vn.commune.petition.domain.petition.PetitionFixture.DEADLINES;
import static vn.commune.petition.domain.petition.PetitionFixture.ID;
import static vn.commune.petition.domain.petition.PetitionFixture.RECEIVED_ON;
import static vn.commune.petition.domain.petition.PetitionFixture.TODAY;
import static vn.commune.petition.domain.petition.PetitionFixture.receive;
import static vn.commune.petition.domain.petition.PetitionFixture.received;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/**
 * A petition's deadlines are its own commune's: the one its receipt's metadata names, and the
 * configured commune's when it names none (as every petition received before communes were recorded).
 */
class PetitionCommuneTest {

    private static final String REMOTE = "10106";
    private static final DeadlinePolicy REMOTE_DEADLINES = new DeadlinePolicy(WorkingDayCalendar.shipped(),
            DeadlineRules.statutory(), new CommuneDeadlines(true, CommuneDeadlines.DEFAULT.otherResolution(),
            CommuneDeadlines.DEFAULT.otherExtension()));
    private static final LocalDate ACCEPTED_ON = RECEIVED_ON.plusDays(5);

    private AggregateTestFixture<Petition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Petition.class);
        fixture.registerInjectableResource((DeadlinePolicies) commune -> REMOTE.equals(commune)
                ? REMOTE_DEADLINES : DEADLINES);
    }

    private static PetitionAccepted acceptedUnder(DeadlinePolicy deadlines) {
        DeadlinePolicy.Due due = deadlines.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, ACCEPTED_ON);
        var limit = deadlines.extensions(due.rules(), PetitionKind.COMPLAINT, Complexity.NORMAL);
        return new PetitionAccepted(ID, ACCEPTED_ON, PetitionKind.COMPLAINT, Complexity.NORMAL, due.dueOn(),
                due.rules(), limit.times(), limit.maxDays());
    }

    private static GenericDomainEventMessage<PetitionReceived> receivedIn(String commune) {
        return new GenericDomainEventMessage<>("Petition", ID, 0, received(PetitionKind.COMPLAINT),
                MetaData.with(DeadlinePolicies.COMMUNE, commune));
    }

    @Test
    void a_complaint_of_a_remote_commune_is_given_the_remote_areas_resolution_deadline() {
        fixture.given(receivedIn(REMOTE))
                .when(new AcceptPetition(ID, null, ACCEPTED_ON, Complexity.NORMAL, TODAY))
                .expectEvents(acceptedUnder(REMOTE_DEADLINES));
    }

    @Test
    void a_complaint_of_another_commune_keeps_the_statutory_resolution_deadline() {
        fixture.given(receivedIn("10105"))
                .when(new AcceptPetition(ID, null, ACCEPTED_ON, Complexity.NORMAL, TODAY))
                .expectEvents(acceptedUnder(DEADLINES));
    }

    @Test
    void a_petition_whose_receipt_names_no_commune_has_the_configured_communes_deadlines() {
        fixture.given(received(PetitionKind.COMPLAINT))
                .when(new AcceptPetition(ID, null, ACCEPTED_ON, Complexity.NORMAL, TODAY))
                .expectEvents(acceptedUnder(DEADLINES));
    }

    @Test
    void the_receipt_names_the_commune_of_the_command_that_received_it() {
        fixture.givenNoPriorActivity()
                .when(receive(PetitionKind.COMPLAINT, RECEIVED_ON), Map.of(DeadlinePolicies.COMMUNE, REMOTE))
                .expectEventsMatching(exactSequenceOf(
                        predicate(message -> REMOTE.equals(message.getMetaData().get(DeadlinePolicies.COMMUNE))),
                        andNoMore()));
    }
}
