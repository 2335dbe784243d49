package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đơn không được thụ lý: refused, on a legal ground. */
public record PetitionRejected(
        String petitionId,
        LocalDate rejectedOn,
        String legalGround) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return rejectedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.REJECTED;
    }
}
