package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.MediationOutcome;

/** The body of {@code POST /api/petitions/{id}/mediations}. */
public record MediationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate heldOn,
        @NotNull MediationOutcome outcome,
        @Size(max = 100) String minutesRef,
        @Size(max = 4000) String notes) {
}
