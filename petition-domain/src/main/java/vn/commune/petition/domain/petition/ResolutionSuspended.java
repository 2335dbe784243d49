package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã tạm đình chỉ việc giải quyết: the complaint's resolution is suspended from {@code suspendedOn}. */
public record ResolutionSuspended(
        String petitionId,
        LocalDate suspendedOn,
        String reason) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return suspendedOn;
    }
}
