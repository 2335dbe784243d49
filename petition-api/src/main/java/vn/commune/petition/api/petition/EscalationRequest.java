package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/petitions/{id}/escalation}. */
public record EscalationRequest(
        @NotNull @PastOrPresent LocalDate escalatedOn,
        @NotBlank @Size(max = 300) String to,
        @NotBlank @Size(max = 2000) String reason) {
}
