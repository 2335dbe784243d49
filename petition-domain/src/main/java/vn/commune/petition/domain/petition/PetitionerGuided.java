package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/** Đã hướng dẫn công dân: the petitioner was guided to the competent body. */
public record PetitionerGuided(
        String petitionId,
        LocalDate guidedOn,
        String to) implements PetitionClosed {

    @Override
    public LocalDate occurredOn() {
        return guidedOn;
    }

    @Override
    public PetitionStatus closedAs() {
        return PetitionStatus.GUIDED;
    }
}
