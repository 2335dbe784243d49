package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã đình chỉ việc giải quyết khiếu nại: the complaint closes unresolved, on a legal ground. */
public record ResolutionTerminated(
        String petitionId,
        LocalDate terminatedOn,
        String legalGround) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return terminatedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.TERMINATED;
    }
}
