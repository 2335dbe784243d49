package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.commune.petition.domain.petition.Petitioner;

/** A petitioner as typed in: name and address required; the ID number is a 9- or 12-digit card number. */
public record PetitionerRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Size(max = 500) String address,
        @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a 9- or 12-digit ID card number") String idNumber,
        @Pattern(regexp = "\\+?[0-9 .()-]{6,20}", message = "must be a phone number") String phone) {

    public Petitioner toPetitioner() {
        return new Petitioner(fullName, address, idNumber, phone);
    }
}
