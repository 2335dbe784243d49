package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** The body of {@code POST /api/petitions/{id}/acceptance}. */
public record AcceptanceRequest(
        @NotNull @PastOrPresent LocalDate acceptedOn,
        Boolean complex) {
}
