package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Xếp lưu đơn: file a duplicate, anonymous-without-evidence or illegible letter. */
public record ArchivePetition(
        @TargetAggregateIdentifier String petitionId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate archivedOn,
        String reason,
        LocalDate today) {
}
