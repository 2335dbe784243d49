package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.WithdrawPetition;

/** The body of {@code POST /api/petitions/{id}/withdrawal}. */
public record WithdrawalRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate withdrawnOn,
        @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public WithdrawPetition command(String petitionId, Long version, LocalDate today) {
        return new WithdrawPetition(petitionId, version, withdrawnOn, reason, today);
    }
}
