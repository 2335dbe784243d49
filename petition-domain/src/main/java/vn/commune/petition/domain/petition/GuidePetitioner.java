package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Hướng dẫn: guide the petitioner to the competent body; it closes here. */
public record GuidePetitioner(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate guidedOn,
        String to,
        LocalDate today) {
}
