package vn.commune.petition.projections.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;

/**
 * Reads a petition's history straight from the event store, the source of truth, so the audit
 * trail never depends on a read model being up to date.
 */
@Component
public class PetitionHistoryQuery {

    /** The metadata key under which the signed-in user who recorded a step is stored. */
    public static final String RECORDED_BY = "recordedBy";

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() { };

    private final EventStore events;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final int backdatedAfterDays;

    public PetitionHistoryQuery(EventStore events, @Qualifier("projectionObjectMapper") ObjectMapper json,
                                @Value("${petition.zone:Asia/Ho_Chi_Minh}") ZoneId zone,
                                @Value("${petition.audit.backdated-after-days:7}") int backdatedAfterDays) {
        this.events = events;
        this.json = json;
        this.zone = zone;
        this.backdatedAfterDays = backdatedAfterDays;
    }

    /**
     * The history of a petition, or empty when there is no such petition. With {@code
     * hidePetitioners}, the petitioners' personal data is left out of the received event.
     */
    public Optional<PetitionHistory> find(String petitionId, boolean hidePetitioners) {
        List<PetitionHistory.Entry> entries = events.readEvents(petitionId).asStream()
                .filter(message -> message.getPayload() instanceof PetitionEvent)
                .map(message -> entry(message, hidePetitioners))
                .toList();
        return entries.isEmpty() ? Optional.empty() : Optional.of(new PetitionHistory(petitionId, entries));
    }

    private PetitionHistory.Entry entry(DomainEventMessage<?> message, boolean hidePetitioners) {
        PetitionEvent event = (PetitionEvent) message.getPayload();
        Map<String, Object> data = json.convertValue(event, DATA);
        data.remove("petitionId");
        if (hidePetitioners && event instanceof PetitionReceived received) {
            data.put("petitioners", received.petitioners().stream().map(p -> Map.of("hidden", true)).toList());
        }
        Object recordedBy = message.getMetaData().get(RECORDED_BY);
        long later = ChronoUnit.DAYS.between(event.occurredOn(), message.getTimestamp().atZone(zone).toLocalDate());
        return new PetitionHistory.Entry(
                message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                event.occurredOn(),
                message.getTimestamp(),
                recordedBy == null ? null : recordedBy.toString(),
                later,
                later > backdatedAfterDays,
                data);
    }
}
