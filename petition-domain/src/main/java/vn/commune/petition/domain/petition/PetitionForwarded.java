package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đơn đã được chuyển: sent on to the competent body. */
public record PetitionForwarded(
        String petitionId,
        LocalDate forwardedOn,
        String to,
        String reason) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return forwardedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.FORWARDED;
    }
}
