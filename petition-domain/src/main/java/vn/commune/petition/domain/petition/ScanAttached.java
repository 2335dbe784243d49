package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/**
 * Đã đính kèm bản quét: the {@code document}-th document handed over (numbered from 1, as on the receipt)
 * was scanned; its bytes, kept apart, have this SHA-256, so the audit chain that covers this event covers
 * them. A later scan of the same document replaces it. Not a step of the handling: it changes no status,
 * deadline or date that later steps are checked against.
 */
public record ScanAttached(
        String petitionId,
        LocalDate attachedOn,
        int document,
        String contentType,
        long size,
        String sha256) implements PetitionRecord {

    @Override
    public LocalDate occurredOn() {
        return attachedOn;
    }
}
