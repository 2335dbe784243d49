package vn.commune.petition.projections.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.Petitioner;

/**
 * Reads a petition's history straight from the event store, the source of truth, so the audit
 * trail never depends on a read model being up to date.
 */
@Component
public class PetitionHistoryQuery {

    /** The metadata key under which the signed-in user who recorded a step is stored. */
    public static final String RECORDED_BY = "recordedBy";

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() { };

    /** What a history shows of a petitioner its reader may not see. */
    private static final Map<String, Object> HIDDEN = Map.of("hidden", true);

    private static final Map<Class<?>, List<String>> PETITIONER_FIELDS = new ConcurrentHashMap<>();

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
     * hidePetitioners}, every petitioner an event carries (a {@link Petitioner} field, or a
     * collection of them, as the receipt's {@code petitioners}) is left out, each replaced by
     * {@code {"hidden": true}}, so that an event added later that carries one is masked too.
     */
    public Optional<PetitionHistory> find(String petitionId, boolean hidePetitioners) {
        List<PetitionHistory.Entry> entries = events.readEvents(petitionId).asStream()
                .filter(message -> message.getPayload() instanceof PetitionEvent)
                .map(message -> entry(message, hidePetitioners))
                .toList();
        return entries.isEmpty() ? Optional.empty() : Optional.of(new PetitionHistory(petitionId, entries));
    }

    /** The fields of an event type that hold a petitioner or a collection of petitioners. */
    static List<String> petitionerFields(Class<?> eventType) {
        return PETITIONER_FIELDS.computeIfAbsent(eventType, type -> type.isRecord()
                ? Arrays.stream(type.getRecordComponents())
                        .filter(component -> holdsPetitioners(component.getGenericType()))
                        .map(RecordComponent::getName)
                        .toList()
                : List.of());
    }

    private static boolean holdsPetitioners(Type type) {
        if (type == Petitioner.class) {
            return true;
        }
        return type instanceof ParameterizedType generic
                && generic.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)
                && Arrays.stream(generic.getActualTypeArguments()).anyMatch(PetitionHistoryQuery::holdsPetitioners);
    }

    private PetitionHistory.Entry entry(DomainEventMessage<?> message, boolean hidePetitioners) {
        PetitionEvent event = (PetitionEvent) message.getPayload();
        Map<String, Object> data = json.convertValue(event, DATA);
        data.remove("petitionId");
        if (hidePetitioners) {
            for (String field : petitionerFields(event.getClass())) {
                data.computeIfPresent(field, (name, value) -> value instanceof Collection<?> people
                        ? people.stream().map(person -> HIDDEN).toList()
                        : HIDDEN);
            }
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
