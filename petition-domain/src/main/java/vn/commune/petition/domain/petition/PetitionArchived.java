package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đơn đã được xếp lưu: filed without handling. */
public record PetitionArchived(
        String petitionId,
        LocalDate archivedOn,
        String reason) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return archivedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.ARCHIVED;
    }
}
