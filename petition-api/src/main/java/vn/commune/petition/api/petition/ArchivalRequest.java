package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.ArchivePetition;

/** The body of {@code POST /api/petitions/{id}/archival}. */
public record ArchivalRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate archivedOn,
        @NotBlank @Size(max = 500) String reason) implements StepRequest {

    @Override
    public ArchivePetition command(String petitionId, Long version, LocalDate today) {
        return new ArchivePetition(petitionId, version, archivedOn, reason, today);
    }
}
