package vn.commune.petition.api.petition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.commune.petition.api.deadline.BusinessDate;
import vn.commune.petition.domain.petition.HoldDialogue;

/** The body of {@code POST /api/petitions/{id}/dialogues}. */
public record DialogueRequest(
        @NotNull @PastOrPresent @BusinessDate LocalDate heldOn,
        @Size(max = 100) String minutesRef) implements StepRequest {

    @Override
    public HoldDialogue command(String petitionId, Long version, LocalDate today) {
        return new HoldDialogue(petitionId, version, heldOn, minutesRef, today);
    }
}
