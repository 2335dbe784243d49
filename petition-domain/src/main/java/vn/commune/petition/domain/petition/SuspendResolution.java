package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tạm đình chỉ việc giải quyết khiếu nại (Luật 136/2025/QH15): the complaint stays open, its clock stopped. */
public record SuspendResolution(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate suspendedOn,
        String reason,
        LocalDate today) {
}
