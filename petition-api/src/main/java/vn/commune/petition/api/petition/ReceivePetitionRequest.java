package vn.commune.petition.api.petition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.ReceivePetition;

/**
 * The body of {@code POST /api/petitions}; an empty petitioners list is an anonymous letter, and
 * {@code handedOver} (optional) lists the documents handed in with it, {@code appointmentOn} (optional) the
 * day the receipt gives the citizen to come back.
 */
public record ReceivePetitionRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate receivedOn,
        @NotNull Channel channel,
        @NotNull PetitionKind kind,
        @NotBlank @Size(max = 200) String field,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull @Size(max = 50) List<@NotNull @Valid PetitionerRequest> petitioners,
        @Size(max = 200) String ward,
        @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a session id") String sessionId,
        @Size(max = 50) List<@NotNull @Valid HandedOverRequest> handedOver,
        LocalDate appointmentOn) {

    /** Phiếu hẹn: the day given to the citizen to come back is on or after receipt, within a year. */
    @AssertTrue(message = "appointmentOn must be on or after receivedOn, and within a year of it")
    boolean isAppointmentOnAfterReceipt() {
        return appointmentOn == null || receivedOn == null
                || !appointmentOn.isBefore(receivedOn) && !appointmentOn.isAfter(receivedOn.plusYears(1));
    }

    /**
     * The command that receives this petition as {@code petitionId}, numbered {@code reference}, with
     * the hash of the lookup code its receipt gives.
     */
    public ReceivePetition command(String petitionId, String reference, String lookupCodeHash, LocalDate today) {
        return new ReceivePetition(petitionId, reference, receivedOn, channel, kind, field, summary,
                petitioners.stream().map(PetitionerRequest::toPetitioner).toList(),
                ward == null || ward.isEmpty() ? null : ward, sessionId,
                handedOver == null ? List.of() : handedOver.stream().map(HandedOverRequest::toDocument).toList(),
                lookupCodeHash, appointmentOn, today);
    }
}
