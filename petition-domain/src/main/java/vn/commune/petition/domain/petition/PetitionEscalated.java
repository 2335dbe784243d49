package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã chuyển lên cấp trên: the petition went to the higher level. */
public record PetitionEscalated(
        String petitionId,
        LocalDate escalatedOn,
        String to,
        String reason) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return escalatedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.ESCALATED;
    }
}
