package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Rút một phần khiếu nại (Luật 136/2025/QH15): the complainant withdraws part of the content; the rest stays open. */
public record WithdrawPart(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate withdrawnOn,
        String content,
        String reason,
        LocalDate today) {
}
