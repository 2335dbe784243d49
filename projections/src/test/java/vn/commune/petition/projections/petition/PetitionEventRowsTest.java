package vn.commune.petition.projections.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.projections.ClosingSteps;

/**
 * The set-based rebuilds read the payloads by field name: every petition event type is listed, every
 * field named is a date of that record, the one its occurredOn() returns, and the closing steps close
 * as they say.
 */
class PetitionEventRowsTest {

    @Test
    void every_petition_event_type_is_listed_once() {
        assertThat(PetitionEventRows.TYPES.stream().<Class<?>>map(PetitionEventRows.Type::type))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(PetitionEvent.types());
    }

    @Test
    void the_closing_steps_and_only_they_close_each_as_the_status_it_closes_as() {
        for (PetitionClosed step : ClosingSteps.of("p-1", LocalDate.of(2024, 3, 7))) {
            assertThat(type(step.getClass()))
                    .extracting(PetitionEventRows.Type::closes, PetitionEventRows.Type::status)
                    .containsExactly(true, step.closedAs());
        }
        assertThat(PetitionEventRows.TYPES).filteredOn(PetitionEventRows.Type::closes)
                .hasSize(PetitionClosed.class.getPermittedSubclasses().length);
        assertThat(type(PetitionReceived.class).status()).isEqualTo(PetitionStatus.RECEIVED);
        assertThat(type(PetitionAccepted.class).status()).isEqualTo(PetitionStatus.ACCEPTED);
    }

    @Test
    void the_fields_named_are_the_records_dates_and_the_business_date_is_what_occurred_on_returns()
            throws Exception {
        for (PetitionEventRows.Type type : PetitionEventRows.TYPES) {
            Map<String, RecordComponent> components = Arrays.stream(type.type().getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, c -> c));
            assertThat(components).as(type.type().getSimpleName()).containsKey(type.onField());
            assertThat(components.get(type.onField()).getType()).isEqualTo(LocalDate.class);
            if (type.dueField() != null) {
                assertThat(components).as(type.type().getSimpleName()).containsKey(type.dueField());
                assertThat(components.get(type.dueField()).getType()).isEqualTo(LocalDate.class);
            }
            // An instance whose every date is different: occurredOn() must return the one named.
            RecordComponent[] all = type.type().getRecordComponents();
            Object[] values = new Object[all.length];
            LocalDate named = null;
            for (int i = 0; i < all.length; i++) {
                values[i] = value(all[i].getType(), i);
                if (all[i].getName().equals(type.onField())) {
                    named = (LocalDate) values[i];
                }
            }
            PetitionEvent event = (PetitionEvent) type.type()
                    .getDeclaredConstructor(Arrays.stream(all).map(RecordComponent::getType).toArray(Class[]::new))
                    .newInstance(values);
            assertThat(event.occurredOn()).as(type.type().getSimpleName()).isEqualTo(named);
        }
    }

    private static PetitionEventRows.Type type(Class<?> type) {
        return PetitionEventRows.TYPES.stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    private static Object value(Class<?> type, int index) {
        if (type == LocalDate.class) {
            return LocalDate.of(2024, 1, 1).plusDays(index);
        }
        if (type == int.class) {
            return index;
        }
        if (type == long.class) {
            return (long) index;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == java.util.List.class) {
            return java.util.List.of();
        }
        return null;
    }
}
