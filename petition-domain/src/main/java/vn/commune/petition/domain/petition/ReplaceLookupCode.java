package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cấp lại mã tra cứu: a new lookup code for a citizen who lost theirs; only its hash is kept. */
public record ReplaceLookupCode(
        @TargetAggregateIdentifier String petitionId,
        String lookupCodeHash,
        LocalDate today) {
}
