package vn.commune.petition.domain.petition;

import java.time.LocalDate;

/**
 * Đã cấp lại mã tra cứu: the petition's lookup code was replaced on {@code replacedOn}; the code
 * before it no longer opens the public lookup. Not a step of the handling: it changes no status,
 * deadline or date that later steps are checked against.
 */
public record LookupCodeReplaced(
        String petitionId,
        LocalDate replacedOn,
        String lookupCodeHash) implements PetitionRecord {

    @Override
    public LocalDate occurredOn() {
        return replacedOn;
    }
}
