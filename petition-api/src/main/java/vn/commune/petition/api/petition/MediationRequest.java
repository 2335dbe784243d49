package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.MediationOutcome;
import vn.commune.petition.domain.petition.RecordMediation;

/** The body of {@code POST /api/petitions/{id}/mediations}. */
public record MediationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate heldOn,
        @NotNull MediationOutcome outcome,
        @Size(max = 100) String minutesRef,
        @Size(max = 4000) String notes) implements StepRequest {

    @Override
    public RecordMediation command(String petitionId, Long version, LocalDate today) {
        return new RecordMediation(petitionId, version, heldOn, outcome, minutesRef, notes, today);
    }
}
