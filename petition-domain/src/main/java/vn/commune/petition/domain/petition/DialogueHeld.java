package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã tổ chức đối thoại: a dialogue with the petitioner took place. */
public record DialogueHeld(
        String petitionId,
        LocalDate heldOn,
        String minutesRef) implements PetitionEvent {

    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
