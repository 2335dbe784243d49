package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Công dân đã rút đơn: the petitioner withdrew the petition. */
public record PetitionWithdrawn(
        String petitionId,
        LocalDate withdrawnOn,
        String reason) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return withdrawnOn;
    }
}
