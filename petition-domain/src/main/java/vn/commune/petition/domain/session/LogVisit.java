package vn.commune.petition.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.commune.petition.domain.petition.PetitionKind;

/** Ghi sổ tiếp công dân: log one visit of the session, and what came of it. */
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
        RefusalGround legalGround) {
}
