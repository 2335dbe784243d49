package vn.commune.petition.api.petition;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/**
 * {@code ?asOf=yyyy-MM-dd}: the business day a question is asked about (today in the commune when
 * absent); {@code &knownAt=2024-03-01T10:00:00Z}: only what had been recorded by that instant.
 */
record AsOfParam(
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {

    LocalDate dayOr(LocalDate today) {
        return asOf == null ? today : asOf;
    }
}
