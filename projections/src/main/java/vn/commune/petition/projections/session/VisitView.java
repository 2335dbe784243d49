package vn.commune.petition.projections.session;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.VisitOutcome;

/** One visit of a reception session, as in the reception register. */
public record VisitView(
        String id,
        String sessionId,
        int number,
        LocalDate heldOn,
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
