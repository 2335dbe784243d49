package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/**
 * Đã tiếp tục giải quyết: the suspension ended on {@code resumedOn} after {@code daysSuspended}
 * calendar days, which do not count: {@code dueOn} is the resolution deadline moved by them.
 */
public record ResolutionResumed(
        String petitionId,
        LocalDate resumedOn,
        int daysSuspended,
        LocalDate dueOn) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return resumedOn;
    }
}
