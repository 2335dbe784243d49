package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tham vấn Hội đồng tư vấn: record a meeting of the Advisory Council on the petition. */
public record ConsultAdvisoryCouncil(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate heldOn,
        String minutesRef,
        LocalDate today) {
}
