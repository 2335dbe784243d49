package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** A fact in a petition's life: every event names its petition and the business date it happened. */
public sealed interface PetitionEvent permits PetitionReceived, PetitionAccepted, MediationSucceeded,
        MediationFailed, DialogueHeld, AdvisoryCouncilConsulted, DeadlineExtended, ResolutionSuspended,
        ResolutionResumed, PartWithdrawn, PetitionClosed, PetitionRecord {

    String petitionId();

    /** The business date: the day the step happened in the commune, not when it was typed in. */
    LocalDate occurredOn();

    /** Every type of petition event: the records this sealed hierarchy permits, through its sealed interfaces. */
    static List<Class<? extends PetitionEvent>> types() {
        return records(PetitionEvent.class).toList();
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends PetitionEvent>> records(Class<? extends PetitionEvent> type) {
        if (!type.isSealed()) {
            return Stream.of(type);
        }
        return Arrays.stream(type.getPermittedSubclasses())
                .flatMap(permitted -> records((Class<? extends PetitionEvent>) permitted));
    }
}
