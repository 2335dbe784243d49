package vn.commune.petition.api.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.petition.PetitionerRequest;
import vn.commune.petition.api.petition.ReferenceNumbers;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.ReceivePetition;
import vn.commune.petition.domain.session.CloseSession;
import vn.commune.petition.domain.session.LogVisit;
import vn.commune.petition.domain.session.OpenSession;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;
import vn.commune.petition.projections.session.SessionQueries;
import vn.commune.petition.projections.session.SessionView;
import vn.commune.petition.projections.session.VisitView;

/** Reception sessions (tiếp công dân): open one, log its visits, close it; read the register. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Writes writes;
    private final SessionQueries sessions;
    private final PetitionViewQueries petitions;
    private final ReferenceNumbers references;
    private final ReceptionSchedule schedule;
    private final Clock clock;

    SessionController(Writes writes, SessionQueries sessions, PetitionViewQueries petitions,
                      ReferenceNumbers references, ReceptionSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.writes = writes;
        this.sessions = sessions;
        this.petitions = petitions;
        this.references = references;
        this.clock = clock;
    }

    /** A visit as logged, and the petition it produced, if any. */
    record LoggedVisit(VisitView visit, PetitionView petition) {
    }

    @PostMapping
    ResponseEntity<String> open(@RequestBody OpenSessionRequest body,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        return writes.run(body, key, request, () -> {
            writes.send(new OpenSession(id, body.heldOn(), body.kind(), body.host().strip(), body.hostedInPerson(),
                    CommuneClock.today(clock)));
            return writes.response(201, "/api/sessions/" + id, null, session(id));
        });
    }

    @PostMapping("/{id}/visits")
    ResponseEntity<String> logVisit(@PathVariable String id, @RequestBody LogVisitRequest body,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                    HttpServletRequest request) {
        String sessionId = known(id);
        return writes.run(body, key, request, () -> {
            SessionView session = session(sessionId);
            String petitionId = null;
            if (body.petition() != null) {
                VisitPetitionRequest petition = body.petition();
                petitionId = UUID.randomUUID().toString();
                writes.send(new ReceivePetition(petitionId, references.next(session.heldOn().getYear()),
                        session.heldOn(), Channel.RECEPTION_SESSION, petition.kind(), petition.field().strip(),
                        petition.summary().strip(),
                        petition.petitioners().stream().map(PetitionerRequest::toPetitioner).toList(),
                        petition.ward() == null || petition.ward().isBlank() ? null : petition.ward().strip(),
                        sessionId, CommuneClock.today(clock)));
            }
            String visitId = UUID.randomUUID().toString();
            writes.send(new LogVisit(sessionId, visitId, body.people(), body.group(), body.representatives(),
                    body.repeat(), body.kind(), body.summary().strip(), body.outcome(), petitionId,
                    body.legalGround()));
            VisitView visit = session(sessionId).visits().stream()
                    .filter(v -> v.id().equals(visitId))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The visit just logged is not in the register"));
            PetitionView received = petitionId == null ? null : petitions.find(petitionId).orElseThrow();
            return writes.response(201, "/api/sessions/" + sessionId, null, new LoggedVisit(visit, received));
        });
    }

    @PostMapping("/{id}/closing")
    ResponseEntity<String> close(@PathVariable String id,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                 HttpServletRequest request) {
        String sessionId = known(id);
        return writes.run("", key, request, () -> {
            session(sessionId);
            writes.send(new CloseSession(sessionId));
            return writes.response(200, null, null, session(sessionId));
        });
    }

    /** The scheduled days of a period (at most ten years) and what became of each. */
    @GetMapping("/schedule")
    List<ReceptionSchedule.ScheduledDay> schedule(@Valid SessionPeriod period) {
        if (period.to().isAfter(period.from().plusYears(10))) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "the period is at most ten years")));
        }
        return schedule.between(period.from(), period.to(), sessions.daysHeld(period.from(), period.to()),
                CommuneClock.today(clock));
    }

    @GetMapping("/{id}")
    SessionView get(@PathVariable String id) {
        return session(known(id));
    }

    @GetMapping
    List<SessionView> list(@Valid SessionPeriod period) {
        return sessions.list(period.from(), period.to());
    }

    private SessionView session(String id) {
        return sessions.find(id).orElseThrow(() -> new NotFoundException("No reception session has this id"));
    }

    private static String known(String id) {
        try {
            if (UUID.fromString(id).toString().equals(id.toLowerCase())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: names no session
        }
        throw new NotFoundException("No reception session has this id");
    }
}
