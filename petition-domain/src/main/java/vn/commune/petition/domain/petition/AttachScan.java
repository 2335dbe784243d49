package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Đính kèm bản quét: the scan of the {@code document}-th document handed over (1 for the first, as the
 * receipt numbers them), as PDF, JPEG or PNG; its bytes are kept apart, named by their SHA-256.
 */
public record AttachScan(
        @TargetAggregateIdentifier String petitionId,
        int document,
        String contentType,
        long size,
        String sha256,
        LocalDate today) {
}
