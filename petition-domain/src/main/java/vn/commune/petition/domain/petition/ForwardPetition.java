package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Chuyển đơn: send the petition to the competent body; it closes here. */
public record ForwardPetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate forwardedOn,
        String to,
        String reason,
        LocalDate today) {
}
