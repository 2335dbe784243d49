package vn.commune.petition.projections.session;

import java.time.LocalDate;
import java.util.List;
import vn.commune.petition.domain.session.SessionKind;

/** A reception session as it stands, with its visits in the order they were logged. */
public record SessionView(
        String id,
        LocalDate heldOn,
        SessionKind kind,
        String host,
        boolean hostedInPerson,
        boolean closed,
        long version,
        List<VisitView> visits) {

    /** This session with these visits in place of its own. */
    public SessionView withVisits(List<VisitView> visits) {
        return new SessionView(id, heldOn, kind, host, hostedInPerson, closed, version, visits);
    }
}
