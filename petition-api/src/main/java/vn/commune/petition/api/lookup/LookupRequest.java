package vn.commune.petition.api.lookup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/public/lookup}: a petition's reference and its lookup code, never in the URL. */
public record LookupRequest(
        @NotBlank @Size(max = 20) String reference,
        @NotBlank @Size(max = 40) String code) {
}
