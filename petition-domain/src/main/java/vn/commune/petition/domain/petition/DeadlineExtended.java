package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã gia hạn: the resolution deadline was extended; {@code extensionNumber} counts from 1. */
public record DeadlineExtended(
        String petitionId,
        LocalDate extendedOn,
        int days,
        String reason,
        int extensionNumber) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return extendedOn;
    }
}
