package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Không thụ lý: refuse to accept the petition, on a stated legal ground. */
public record RejectPetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate rejectedOn,
        String legalGround,
        LocalDate today) {
}
