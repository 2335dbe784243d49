package vn.commune.petition.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.lookup.LookupCodes;
import vn.commune.petition.api.petition.ReferenceNumbers;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.domain.session.CloseSession;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.session.SessionQueries;
import vn.commune.petition.projections.session.SessionView;
import vn.commune.petition.projections.session.VisitView;

/**
 * Records a reception session, for the API and the pages alike, through {@link Writes}: opening it,
 * each visit (with the petition it received, in the same transaction) and its closing.
 */
@Component
public class SessionRecorder {

    private static final String NO_SESSION = "No reception session has this id";

    private final Writes writes;
    private final SessionQueries sessions;
    private final PetitionViewQueries petitions;
    private final ReferenceNumbers references;
    private final Clock clock;

    SessionRecorder(Writes writes, SessionQueries sessions, PetitionViewQueries petitions,
                    ReferenceNumbers references, Clock clock) {
        this.writes = writes;
        this.sessions = sessions;
        this.petitions = petitions;
        this.references = references;
        this.clock = clock;
    }

    /**
     * A visit as logged, the petition it received, if any, and that petition's lookup code, in this
     * one answer only (left out of an answer replayed for an Idempotency-Key).
     */
    public record LoggedVisit(VisitView visit, PetitionView petition,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String lookupCode) {
    }

    public Written<SessionView> open(OpenSessionRequest body, WriteHeaders headers) {
        String id = UUID.randomUUID().toString();
        return writes.run(headers, body, SessionView.class, () -> {
            writes.send(body.command(id, CommuneClock.today(clock)));
            return new Written<>(201, "/api/sessions/" + id, null, find(id), false);
        });
    }

    public Written<LoggedVisit> logVisit(String sessionId, LogVisitRequest body, WriteHeaders headers) {
        String id = NotFoundException.unlessId(sessionId, NO_SESSION);
        LookupCodes.Issued code = LookupCodes.issue();
        Written<LoggedVisit> written = writes.run(headers, body, LoggedVisit.class, () -> {
            SessionView session = find(id);
            String petitionId = body.petition() == null ? null : UUID.randomUUID().toString();
            String visitId = UUID.randomUUID().toString();
            // The visit first: a visit its session refuses takes no reference number.
            writes.send(body.command(id, visitId, petitionId));
            if (petitionId != null) {
                writes.send(body.petition().at(session).command(petitionId,
                        references.next(session.heldOn().getYear()), code.hash(), CommuneClock.today(clock)));
            }
            VisitView visit = find(id).visits().stream()
                    .filter(v -> v.id().equals(visitId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The visit just logged is not in the register"));
            PetitionView received = petitionId == null ? null : petitions.find(petitionId).orElseThrow();
            return new Written<>(201, "/api/sessions/" + id, null, new LoggedVisit(visit, received, null), false);
        });
        return written.map(logged -> logged.petition() == null || written.replayed() ? logged
                : new LoggedVisit(logged.visit(), logged.petition(), code.code()));
    }

    public Written<SessionView> close(String sessionId, WriteHeaders headers) {
        String id = NotFoundException.unlessId(sessionId, NO_SESSION);
        return writes.run(headers, "", SessionView.class, () -> {
            find(id);
            writes.send(new CloseSession(id));
            return new Written<>(200, null, null, find(id), false);
        });
    }

    /** The session with its visits, or 404. */
    public SessionView find(String sessionId) {
        return sessions.find(NotFoundException.unlessId(sessionId, NO_SESSION)).orElseThrow(() -> new NotFoundException(NO_SESSION));
    }
}
