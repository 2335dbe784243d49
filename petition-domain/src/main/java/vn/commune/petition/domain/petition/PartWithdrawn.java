package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã rút một phần khiếu nại: {@code content} is withdrawn and never reopened; the rest stays open. */
public record PartWithdrawn(
        String petitionId,
        LocalDate withdrawnOn,
        String content,
        String reason) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return withdrawnOn;
    }
}
