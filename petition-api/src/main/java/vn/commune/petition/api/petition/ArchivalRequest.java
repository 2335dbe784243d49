package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/petitions/{id}/archival}. */
public record ArchivalRequest(
        @NotNull @PastOrPresent LocalDate archivedOn,
        @NotBlank @Size(max = 500) String reason) {
}
