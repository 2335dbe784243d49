package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import vn.commune.petition.domain.deadline.Complexity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Thụ lý: the Chairman accepts the petition for resolution; the complexity sets the deadline and the extensions allowed. */
public record AcceptPetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate acceptedOn,
        Complexity complexity,
        LocalDate today) {
}
