package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.WithdrawPart;

/** The body of {@code POST /api/petitions/{id}/partial-withdrawal}: {@code content} is the part withdrawn. */
public record PartialWithdrawalRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate withdrawnOn,
        @NotBlank @Size(max = 2000) String content,
        @Size(max = 2000) String reason) implements StepRequest {

    @Override
    public WithdrawPart command(String petitionId, Long version, LocalDate today) {
        return new WithdrawPart(petitionId, version, withdrawnOn, content, reason, today);
    }
}
