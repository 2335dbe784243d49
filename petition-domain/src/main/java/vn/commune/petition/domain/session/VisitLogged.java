package vn.commune.petition.domain.session;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;

/** Đã ghi sổ một lượt tiếp: a visit, numbered in its session from 1, on the session's date. */
public record VisitLogged(
        String sessionId,
        String visitId,
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
        RefusalGround legalGround) implements SessionEvent {
}
