package vn.commune.petition.projections.petition;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;

/** Which petitions to list: any filter may be null; dates bound the receipt date, inclusive. */
public record ListPetitions(PetitionStatus status, PetitionKind kind, LocalDate from, LocalDate to, int page, int size) {
}
