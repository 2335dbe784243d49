package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * Đơn đã được tiếp nhận: a petition came in, got its reference number and its handling deadline under
 * the named rules. {@code handedOver} lists the documents the citizen handed in with it (empty in the
 * events stored before receipts listed them); {@code lookupCodeHash} is the hash of the code its
 * receipt gave for the public lookup (null in the events stored before receipts had one);
 * {@code appointmentOn} the day the officer gave the citizen to come back (phiếu hẹn), or null.
 */
public record PetitionReceived(
        String petitionId,
        String reference,
        LocalDate receivedOn,
        Channel channel,
        PetitionKind kind,
        String field,
        String summary,
        List<Petitioner> petitioners,
        String ward,
        String sessionId,
        LocalDate handlingDueOn,
        String deadlineRules,
        List<HandedOverDocument> handedOver,
        String lookupCodeHash,
        LocalDate appointmentOn) implements PetitionEvent {

    public PetitionReceived {
        petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
        handedOver = handedOver == null ? List.of() : List.copyOf(handedOver);
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
