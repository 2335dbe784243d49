package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Công dân đã rút đơn: the petitioner withdrew the petition. */
public record PetitionWithdrawn(
        String petitionId,
        LocalDate withdrawnOn,
        String reason) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return withdrawnOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.WITHDRAWN;
    }
}
