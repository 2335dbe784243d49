package vn.commune.petition.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.Petitioner;

/** A history masks every field of an event that holds petitioners, whatever the event, not only the receipt's. */
class PetitionerFieldsTest {

    /** An event as one added later might be: a petitioner alone, a set of them, and a map that is no petitioner. */
    record PetitionerCorrected(String petitionId, Petitioner before, Set<Petitioner> after, Map<String, String> notes,
                               LocalDate on) {
    }

    @Test
    void the_receipts_petitioners_are_the_only_personal_field_of_the_events_stored_today() {
        assertThat(PetitionHistoryQuery.petitionerFields(PetitionReceived.class)).containsExactly("petitioners");
        assertThat(PetitionHistoryQuery.petitionerFields(MediationSucceeded.class)).isEmpty();
    }

    @Test
    void a_petitioner_or_a_collection_of_them_in_any_event_is_found() {
        assertThat(PetitionHistoryQuery.petitionerFields(PetitionerCorrected.class)).containsExactly("before", "after");
        assertThat(PetitionHistoryQuery.petitionerFields(String.class)).as("not a record").isEqualTo(List.of());
    }
}
