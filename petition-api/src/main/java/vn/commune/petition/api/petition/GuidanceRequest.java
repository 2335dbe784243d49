package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.GuidePetitioner;

/** The body of {@code POST /api/petitions/{id}/guidance}. */
public record GuidanceRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate guidedOn,
        @NotBlank @Size(max = 300) String to) implements StepRequest {

    @Override
    public GuidePetitioner command(String petitionId, Long version, LocalDate today) {
        return new GuidePetitioner(petitionId, version, guidedOn, to, today);
    }
}
