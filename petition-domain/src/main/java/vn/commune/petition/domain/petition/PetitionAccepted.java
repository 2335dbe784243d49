package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đơn đã được thụ lý: accepted for resolution, with the kind and complexity the deadline depends on. */
public record PetitionAccepted(
        String petitionId,
        LocalDate acceptedOn,
        PetitionKind kind,
        boolean complex) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return acceptedOn;
    }
}
