package vn.commune.petition.api.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.commune.petition.api.deadline.BusinessDate;

/** The recording dates of an export (commune days), both inclusive. */
record ExportPeriod(
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull @BusinessDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    @AssertTrue(message = "from must not be after to")
    boolean isPeriodOrdered() {
        return from == null || to == null || !from.isAfter(to);
    }
}
