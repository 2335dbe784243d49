package vn.commune.petition.api.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.commune.petition.domain.session.Visitor;

/**
 * Who came to a visit, as typed in: name and address required; the ID number a 9- or 12-digit card
 * number (CMND/CCCD) or a passport number (one or two capital letters, then 6 to 8 digits).
 */
public record VisitorRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 20) @Pattern(regexp = "\\d{9}|\\d{12}|[A-Z]{1,2}\\d{6,8}",
                message = "must be a 9- or 12-digit ID card number or a passport number") String idNumber) {

    Visitor visitor() {
        return new Visitor(fullName, address, idNumber);
    }

    /** Never the identity itself: a request printed by accident must not leak it. */
    @Override
    public String toString() {
        return "VisitorRequest[redacted]";
    }
}
