package vn.commune.petition.api.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.session.OpenSession;
import vn.commune.petition.domain.session.SessionKind;

/** The body of {@code POST /api/sessions}. */
public record OpenSessionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate heldOn,
        @NotNull SessionKind kind,
        @NotBlank @Size(max = 200) String host,
        @NotNull Boolean hostedInPerson) {

    OpenSession command(String sessionId, LocalDate today) {
        return new OpenSession(sessionId, heldOn, kind, host, hostedInPerson, today);
    }
}
