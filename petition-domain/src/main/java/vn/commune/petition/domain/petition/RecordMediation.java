package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Hòa giải: record a mediation and its outcome; it may be repeated. */
public record RecordMediation(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate heldOn,
        MediationOutcome outcome,
        String minutesRef,
        String notes,
        LocalDate today) {
}
