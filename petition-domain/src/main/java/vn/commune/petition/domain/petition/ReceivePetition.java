package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tiếp nhận đơn: log a petition that has come in; {@code today} is the commune's date when it is recorded. */
public record ReceivePetition(
        @TargetAggregateIdentifier String petitionId,
        String reference,
        LocalDate receivedOn,
        Channel channel,
        PetitionKind kind,
        String field,
        String summary,
        List<Petitioner> petitioners,
        String ward,
        String sessionId,
        List<HandedOverDocument> handedOver,
        String lookupCodeHash,
        LocalDate appointmentOn,
        LocalDate today) {
}
