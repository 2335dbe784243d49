package vn.commune.petition.api.session;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.session.Visitor;
import vn.commune.petition.projections.session.SessionView;
import vn.commune.petition.projections.session.VisitView;

/**
 * Who may see a visitor's identity (name, address, ID number: Luật 136/2025/QH15), decided here for
 * every read of a session, API and pages alike. It is personal data, and a visitor with a denunciation
 * is a denunciator (Luật Tố cáo Đ8.3, Đ56): only the officers and the chair, who receive the citizens,
 * see it. An inspector reads the register to supervise it, and never sees who came, whatever other role
 * the account holds: each recorded visitor reads as a pseudonym, with no address or ID number.
 */
@Component
public class SessionReader {

    /** Whether this reader may see the visitors' identity. */
    public boolean maySeeVisitors(Authentication reader) {
        return holds(reader, Role.OFFICER, Role.CHAIR) && !holds(reader, Role.INSPECTOR, Role.BOARD);
    }

    /** The session as this reader may see it. */
    public SessionView forReader(SessionView session, Authentication reader) {
        if (maySeeVisitors(reader)) {
            return session;
        }
        return session.withVisits(session.visits().stream().map(SessionReader::masked).toList());
    }

    /** The sessions as this reader may see them. */
    public List<SessionView> forReader(List<SessionView> sessions, Authentication reader) {
        return sessions.stream().map(session -> forReader(session, reader)).toList();
    }

    /** The visit as this reader may see it. */
    public VisitView forReader(VisitView visit, Authentication reader) {
        return maySeeVisitors(reader) ? visit : masked(visit);
    }

    private static VisitView masked(VisitView visit) {
        if (visit.visitor() == null) {
            return visit;
        }
        String who = visit.kind() == PetitionKind.DENUNCIATION ? "Người tố cáo" : "Công dân";
        return visit.withVisitor(new Visitor(who + " (bảo mật)", null, null));
    }

    private static boolean holds(Authentication reader, Role... roles) {
        if (reader == null) {
            return false;
        }
        List<String> names = Arrays.stream(roles).map(role -> "ROLE_" + role).toList();
        return reader.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(names::contains);
    }
}
