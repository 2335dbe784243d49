package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Rút đơn: the petitioner withdraws the petition; it closes here. */
public record WithdrawPetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate withdrawnOn,
        String reason,
        LocalDate today) {
}
