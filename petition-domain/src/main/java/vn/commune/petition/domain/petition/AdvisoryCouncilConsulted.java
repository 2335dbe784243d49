package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã tham vấn Hội đồng tư vấn: the Advisory Council met on the petition. */
public record AdvisoryCouncilConsulted(
        String petitionId,
        LocalDate heldOn,
        String minutesRef) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
