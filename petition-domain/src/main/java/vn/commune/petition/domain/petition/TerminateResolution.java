package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Đình chỉ việc giải quyết khiếu nại (Luật 136/2025/QH15): the complaint closes unresolved, on a stated legal ground. */
public record TerminateResolution(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate terminatedOn,
        String legalGround,
        LocalDate today) {
}
