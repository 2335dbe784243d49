package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Thụ lý: the Chairman accepts the petition for resolution; {@code complex} lengthens a complaint's deadline and allows a denunciation's extension. */
public record AcceptPetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate acceptedOn,
        boolean complex,
        LocalDate today) {
}
