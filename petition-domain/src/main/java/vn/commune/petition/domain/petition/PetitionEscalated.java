package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/**
 * Đã chuyển lên cấp trên: the petition went to the higher level, {@code level} (null in escalations
 * stored before levels were recorded: {@code to} names the district), {@code to} as typed.
 */
public record PetitionEscalated(
        String petitionId,
        LocalDate escalatedOn,
        EscalationLevel level,
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
