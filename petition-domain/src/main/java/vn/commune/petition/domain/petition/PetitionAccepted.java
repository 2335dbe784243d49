package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import vn.commune.petition.domain.deadline.Complexity;

/** Đơn đã được thụ lý: accepted, with the resolution deadline and extensions that the kind, complexity and named rules gave. */
public record PetitionAccepted(
        String petitionId,
        LocalDate acceptedOn,
        PetitionKind kind,
        Complexity complexity,
        LocalDate dueOn,
        String deadlineRules,
        int extensionsAllowed,
        int maxExtensionDays) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return acceptedOn;
    }
}
