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
}
