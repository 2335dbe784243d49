package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** A fact in a petition's life: every event names its petition and the business date it happened. */
public sealed interface PetitionEvent permits PetitionReceived, PetitionAccepted, PetitionForwarded,
        PetitionerGuided, PetitionRejected, PetitionArchived, MediationSucceeded, MediationFailed,
        DialogueHeld, AdvisoryCouncilConsulted, DeadlineExtended, PetitionAnswered, PetitionEscalated,
        PetitionWithdrawn {

    String petitionId();

    /** The business date: the day the step happened in the commune, not when it was typed in. */
    LocalDate occurredOn();
}
