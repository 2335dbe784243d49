package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gia hạn: extend the resolution deadline, within the kind's limit. */
public record ExtendDeadline(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate extendedOn,
        int days,
        String reason,
        LocalDate today) {
}
