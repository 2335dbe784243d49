package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Chuyển lên cấp trên: send an unresolved petition to the higher level; it closes here. */
public record EscalatePetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate escalatedOn,
        EscalationLevel level,
        String to,
        String reason,
        LocalDate today) {
}
