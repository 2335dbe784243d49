package vn.commune.petition.api.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.ExtendDeadline;

/** The body of {@code POST /api/petitions/{id}/extensions}. */
public record ExtensionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate extendedOn,
        @NotNull @Min(1) @Max(60) Integer days,
        @NotBlank @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public ExtendDeadline command(String petitionId, Long version, LocalDate today) {
        return new ExtendDeadline(petitionId, version, extendedOn, days, reason, today);
    }
}
