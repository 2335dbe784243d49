package vn.commune.petition.api.petition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.commune.petition.projections.petition.PetitionView;

/**
 * A petition just received (or given a new lookup code): its view, and beside it the lookup code for
 * the public lookup, in this one answer only (null, and left out, in an answer replayed for an
 * Idempotency-Key). Write it on the receipt: it cannot be read again, only replaced.
 */
public record ReceivedPetition(
        @JsonUnwrapped PetitionView petition,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lookupCode) {
}
