package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.EscalatePetition;
import vn.commune.petition.domain.petition.EscalationLevel;

/**
 * The body of {@code POST /api/petitions/{id}/escalation}: {@code level}, where it goes (required for a
 * step dated from 1 July 2025, when districts ceased to exist), and {@code to}, the body as named.
 */
public record EscalationRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate escalatedOn,
        EscalationLevel level,
        @NotBlank @Size(max = 300) String to,
        @NotBlank @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public EscalatePetition command(String petitionId, Long version, LocalDate today) {
        return new EscalatePetition(petitionId, version, escalatedOn, level, to, reason, today);
    }
}
