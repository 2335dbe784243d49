package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import java.util.List;

/** Đơn đã được tiếp nhận: a petition came in, got its reference number and its handling deadline under the named rules. */
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
        String deadlineRules) implements PetitionEvent {

    public PetitionReceived {
        petitioners = petitioners == null ? List.of() : List.copyOf(petitioners);
    }

    @Override
    public LocalDate occurredOn() {
        return receivedOn;
    }
}
