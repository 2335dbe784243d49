package vn.commune.petition.api.petition;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.commune.petition.domain.petition.HandedOverDocument;

/** A document the citizen handed over, as typed in: its title, its pages, original ({@code true}) or copy. */
public record HandedOverRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(1) @Max(5000) Integer pages,
        @NotNull Boolean original) {

    public HandedOverDocument toDocument() {
        return new HandedOverDocument(title.strip(), pages, original);
    }
}
