package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tiếp tục giải quyết khiếu nại: the suspension ends; the resolution deadline moves by the days it lasted. */
public record ResumeResolution(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate resumedOn,
        LocalDate today) {
}
