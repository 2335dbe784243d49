package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.ResumeResolution;

/** The body of {@code POST /api/petitions/{id}/resumption}. */
public record ResumptionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate resumedOn) implements StepRequest {

    @Override
    public ResumeResolution command(String petitionId, Long version, LocalDate today) {
        return new ResumeResolution(petitionId, version, resumedOn, today);
    }
}
