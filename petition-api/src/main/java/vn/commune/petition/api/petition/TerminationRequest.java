package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.TerminateResolution;

/** The body of {@code POST /api/petitions/{id}/termination}. */
public record TerminationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate terminatedOn,
        @NotBlank @Size(max = 500) String legalGround) implements StepRequest {

    @Override
    public TerminateResolution command(String petitionId, Long version, LocalDate today) {
        return new TerminateResolution(petitionId, version, terminatedOn, legalGround, today);
    }
}
