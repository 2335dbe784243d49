package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;

/** The body of {@code POST /api/petitions/{id}/withdrawal}. */
public record WithdrawalRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate withdrawnOn,
        @Size(max = 2000) String reason) {
}
