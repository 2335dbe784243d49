package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đơn đã được xếp lưu: filed without handling. */
public record PetitionArchived(
        String petitionId,
        LocalDate archivedOn,
        String reason) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return archivedOn;
    }
}
