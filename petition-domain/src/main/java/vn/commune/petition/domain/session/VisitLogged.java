package vn.commune.petition.domain.session;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * Đã ghi sổ một lượt tiếp: a visit, numbered in its session from 1, on the session's date.
 * {@code visitor} is who came, or null (events stored before it existed read as null).
 */
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
        RefusalGround legalGround,
        Visitor visitor) implements SessionEvent {
}
