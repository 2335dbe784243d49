package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.RejectPetition;

/** The body of {@code POST /api/petitions/{id}/rejection}. */
public record RejectionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate rejectedOn,
        @NotBlank @Size(max = 500) String legalGround) implements StepRequest {

    @Override
    public RejectPetition command(String petitionId, Long version, LocalDate today) {
        return new RejectPetition(petitionId, version, rejectedOn, legalGround, today);
    }
}
