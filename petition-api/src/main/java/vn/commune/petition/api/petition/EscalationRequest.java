package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.EscalatePetition;

/** The body of {@code POST /api/petitions/{id}/escalation}. */
public record EscalationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate escalatedOn,
        @NotBlank @Size(max = 300) String to,
        @NotBlank @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public EscalatePetition command(String petitionId, Long version, LocalDate today) {
        return new EscalatePetition(petitionId, version, escalatedOn, to, reason, today);
    }
}
