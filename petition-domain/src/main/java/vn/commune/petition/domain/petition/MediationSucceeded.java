package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Hòa giải thành: the parties settled at mediation. */
public record MediationSucceeded(
        String petitionId,
        LocalDate heldOn,
        String minutesRef,
        String notes) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
