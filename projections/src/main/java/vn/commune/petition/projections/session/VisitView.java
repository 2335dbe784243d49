package vn.commune.petition.projections.session;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.VisitOutcome;
import vn.commune.petition.domain.session.Visitor;

/**
 * One visit of a reception session, as in the reception register; {@code visitor} is personal data,
 * null when not recorded (the API masks it for a reader who may not see it).
 */
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
        RefusalGround legalGround,
        Visitor visitor) {

    /** This visit with {@code visitor} in place of the one recorded. */
    public VisitView withVisitor(Visitor visitor) {
        return new VisitView(id, sessionId, number, heldOn, people, group, representatives, repeat, kind, summary,
                outcome, petitionId, legalGround, visitor);
    }
}
