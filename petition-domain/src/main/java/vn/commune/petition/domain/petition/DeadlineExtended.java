package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã gia hạn: the resolution deadline was extended; {@code extensionNumber} counts from 1; {@code dueOn} is the new deadline. */
public record DeadlineExtended(
        String petitionId,
        LocalDate extendedOn,
        int days,
        String reason,
        int extensionNumber,
        LocalDate dueOn) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return extendedOn;
    }
}
