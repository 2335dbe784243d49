package vn.commune.petition.projections.counts;

import java.time.LocalDate;
import java.util.Map;

/**
 * Số liệu kỳ báo cáo: the counts for a period, by business date, as PRODUCT.md defines them.
 * Breakdowns are of the petitions received in the period. Every closure dated in the period is
 * early, on time or late against the deadline that governed it when it closed; a petition open at
 * the end is overdue if its deadline was before the end.
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
        long terminated,
        long mediationSucceeded,
        long mediationFailed,
        long openAtEnd,
        long overdueAtEnd,
        long closedEarly,
        long closedOnTime,
        long closedLate,
        Map<String, Long> byKind,
        Map<String, Long> byField,
        Map<String, Long> byChannel,
        Map<String, Long> byWard) {

    /** The petitions closed in the period, whatever the way. */
    public long closed() {
        return resolved + escalated + forwarded + guided + rejected + archived + withdrawn + terminated;
    }
}
