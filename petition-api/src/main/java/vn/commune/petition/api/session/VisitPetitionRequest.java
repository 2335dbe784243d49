package vn.commune.petition.api.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.api.petition.HandedOverRequest;
import vn.commune.petition.api.petition.PetitionerRequest;
import vn.commune.petition.api.petition.ReceivePetitionRequest;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.projections.session.SessionView;

/** The petition a visit produced: a petition's body without receivedOn, channel and sessionId. */
public record VisitPetitionRequest(
        @NotNull PetitionKind kind,
        @NotBlank @Size(max = 200) String field,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull @Size(max = 50) List<@NotNull @Valid PetitionerRequest> petitioners,
        @Size(max = 200) String ward,
        @Size(max = 50) List<@NotNull @Valid HandedOverRequest> handedOver,
        LocalDate appointmentOn) {

    /** The petition as received at the session: on its day, through the reception session. */
    public ReceivePetitionRequest at(SessionView session) {
        return new ReceivePetitionRequest(session.heldOn(), Channel.RECEPTION_SESSION, kind, field, summary,
                petitioners, ward, session.id(), handedOver, appointmentOn);
    }
}
