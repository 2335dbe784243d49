package vn.commune.petition.projections.counts;

import java.time.LocalDate;
import java.util.Map;

/**
 * Số liệu kỳ báo cáo: the counts for a period, by business date, as PRODUCT.md defines them.
 * Breakdowns are of the petitions received in the period.
 */
public record PetitionCounts(
        LocalDate from,
        LocalDate to,
        long received,
        long carriedOver,
        long accepted,
        long resolved,
        long escalated,
        long forwarded,
        long guided,
        long rejected,
        long archived,
        long withdrawn,
        long mediationSucceeded,
        long mediationFailed,
        long openAtEnd,
        Map<String, Long> byKind,
        Map<String, Long> byField,
        Map<String, Long> byChannel,
        Map<String, Long> byWard) {
}
