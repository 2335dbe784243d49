package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.ConsultAdvisoryCouncil;

/** The body of {@code POST /api/petitions/{id}/advisory-council}. */
public record AdvisoryCouncilRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate heldOn,
        @Size(max = 100) String minutesRef) implements StepRequest {

    @Override
    public ConsultAdvisoryCouncil command(String petitionId, Long version, LocalDate today) {
        return new ConsultAdvisoryCouncil(petitionId, version, heldOn, minutesRef, today);
    }
}
