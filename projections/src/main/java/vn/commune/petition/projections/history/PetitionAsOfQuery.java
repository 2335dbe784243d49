package vn.commune.petition.projections.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * Bitemporal reads: a petition as it stood on a business date ({@code asOf}: the steps that had
 * happened by then), restricted to what had been recorded by an instant ({@code knownAt}: so a step
 * typed in late is seen as late). Folded from the event store, the source of truth.
 */
@Component
public class PetitionAsOfQuery {

    private final EventStore events;

    public PetitionAsOfQuery(EventStore events) {
        this.events = events;
    }

    /** The petition on {@code asOf} as known at {@code knownAt} (either may be null: no limit); empty if it did not exist yet. */
    public Optional<PetitionView> find(String petitionId, LocalDate asOf, Instant knownAt) {
        List<DomainEventMessage<?>> included = new ArrayList<>();
        events.readEvents(petitionId).asStream()
                .filter(message -> message.getPayload() instanceof PetitionEvent)
                .filter(message -> asOf == null || !((PetitionEvent) message.getPayload()).occurredOn().isAfter(asOf))
                .filter(message -> knownAt == null || !message.getTimestamp().isAfter(knownAt))
                .forEach(included::add);
        if (included.isEmpty() || !(included.get(0).getPayload() instanceof PetitionReceived)) {
            return Optional.empty();
        }
        return Optional.of(fold(included));
    }

    static PetitionView fold(List<DomainEventMessage<?>> messages) {
        PetitionReceived received = (PetitionReceived) messages.get(0).getPayload();
        PetitionStatus status = PetitionStatus.RECEIVED;
        LocalDate dueOn = received.handlingDueOn();
        LocalDate closedOn = null;
        List<PetitionView.Step> steps = new ArrayList<>();
        for (DomainEventMessage<?> message : messages) {
            PetitionEvent event = (PetitionEvent) message.getPayload();
            steps.add(new PetitionView.Step(event.getClass().getSimpleName(), event.occurredOn()));
            if (event instanceof PetitionAccepted accepted) {
                status = PetitionStatus.ACCEPTED;
                dueOn = accepted.dueOn();
            } else if (event instanceof DeadlineExtended extended) {
                dueOn = extended.dueOn();
            } else if (event instanceof ResolutionSuspended) {
                status = PetitionStatus.SUSPENDED;
            } else if (event instanceof ResolutionResumed resumed) {
                status = PetitionStatus.ACCEPTED;
                dueOn = resumed.dueOn();
            } else if (event instanceof PetitionClosed closed) {
                status = closed.closedAs();
                closedOn = closed.occurredOn();
            }
        }
        long version = messages.get(messages.size() - 1).getSequenceNumber();
        return new PetitionView(received.petitionId(), received.reference(), status, received.kind(),
                received.channel(), received.field(), received.ward(), received.summary(), received.sessionId(),
                received.receivedOn(), received.handlingDueOn(), dueOn, closedOn, Timeliness.of(closedOn, dueOn), null,
                version, received.petitioners(), received.handedOver(), received.appointmentOn(), steps,
                (String) messages.get(0).getMetaData().get(EventCommune.METADATA));
    }
}
