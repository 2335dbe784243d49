package vn.commune.petition.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * Ghi sổ tiếp công dân: log one visit of the session, and what came of it; {@code visitor} is who came
 * (required in person from Luật 136/2025/QH15, else null if not given).
 */
public record LogVisit(
        @TargetAggregateIdentifier String sessionId,
        String visitId,
        int people,
        boolean group,
        Integer representatives,
        boolean repeat,
        PetitionKind kind,
        String summary,
        VisitOutcome outcome,
        String petitionId,
        RefusalGround legalGround,
        Visitor visitor) {
}
