package vn.commune.petition.projections.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Lịch sử xử lý đơn: a petition's audit trail, every stored event in order. */
public record PetitionHistory(String petitionId, List<Entry> events) {

    /**
     * One stored event: what happened on which business date, and who recorded it when. A step
     * typed in more than the configured number of days after it happened is {@code backdated}.
     */
    public record Entry(
            long sequence,
            String type,
            LocalDate occurredOn,
            Instant recordedAt,
            String recordedBy,
            long recordedDaysLater,
            boolean backdated,
            Map<String, Object> data) {
    }
}
