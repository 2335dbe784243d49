package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Hòa giải không thành: mediation did not settle the matter. */
public record MediationFailed(
        String petitionId,
        LocalDate heldOn,
        String minutesRef,
        String notes) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
