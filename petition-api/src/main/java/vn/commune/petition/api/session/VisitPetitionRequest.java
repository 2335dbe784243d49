package vn.commune.petition.api.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.commune.petition.api.petition.PetitionerRequest;
import vn.commune.petition.domain.petition.PetitionKind;

/** The petition a visit produced: a petition's body without receivedOn, channel and sessionId. */
public record VisitPetitionRequest(
        @NotNull PetitionKind kind,
        @NotBlank @Size(max = 200) String field,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull @Size(max = 50) List<@NotNull @Valid PetitionerRequest> petitioners,
        @Size(max = 200) String ward) {
}
