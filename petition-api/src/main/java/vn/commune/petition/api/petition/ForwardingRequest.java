package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.ForwardPetition;

/** The body of {@code POST /api/petitions/{id}/forwarding}. */
public record ForwardingRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate forwardedOn,
        @NotBlank @Size(max = 300) String to,
        @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public ForwardPetition command(String petitionId, Long version, LocalDate today) {
        return new ForwardPetition(petitionId, version, forwardedOn, to, reason, today);
    }
}
