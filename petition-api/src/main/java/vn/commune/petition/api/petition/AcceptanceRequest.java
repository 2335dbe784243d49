package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.petition.AcceptPetition;

/** The body of {@code POST /api/petitions/{id}/acceptance}. */
public record AcceptanceRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate acceptedOn,
        Boolean complex,
        Boolean especiallyComplex) implements StepRequest {

    /** Đặc biệt phức tạp implies phức tạp. */
    Complexity complexity() {
        if (Boolean.TRUE.equals(especiallyComplex)) {
            return Complexity.ESPECIALLY_COMPLEX;
        }
        return Boolean.TRUE.equals(complex) ? Complexity.COMPLEX : Complexity.NORMAL;
    }

    @Override
    public AcceptPetition command(String petitionId, Long version, LocalDate today) {
        return new AcceptPetition(petitionId, version, acceptedOn, complexity(), today);
    }
}
