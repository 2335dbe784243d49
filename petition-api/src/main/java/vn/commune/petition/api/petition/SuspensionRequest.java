package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.SuspendResolution;

/** The body of {@code POST /api/petitions/{id}/suspension}. */
public record SuspensionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate suspendedOn,
        @NotBlank @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public SuspendResolution command(String petitionId, Long version, LocalDate today) {
        return new SuspendResolution(petitionId, version, suspendedOn, reason, today);
    }
}
