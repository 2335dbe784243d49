package vn.commune.petition.api.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/**
 * The query of {@code GET /api/petitions/overdue}: the day asked about (today when absent), and a
 * page of the answer (pages count from 0), so that a commune with a backlog is not read whole.
 */
record OverdueParams(
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @Min(0) @Max(100_000) Integer page,
        @Min(1) @Max(1000) Integer size) {

    int pageOrDefault() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? 100 : size;
    }
}
