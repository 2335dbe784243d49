package vn.commune.petition.api.session;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.projections.session.SessionQueries;
import vn.commune.petition.projections.session.SessionView;

/** Reception sessions (tiếp công dân): open one, log its visits, close it; read the register. */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final SessionRecorder recorder;
    private final SessionQueries sessions;
    private final ReceptionSchedule schedule;
    private final SessionReader reader;

    SessionController(SessionRecorder recorder, SessionQueries sessions, ReceptionSchedule schedule,
                      SessionReader reader) {
        this.recorder = recorder;
        this.sessions = sessions;
        this.schedule = schedule;
        this.reader = reader;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<SessionView> open(@RequestBody @Valid OpenSessionRequest body, WriteHeaders write,
                                     Authentication user) {
        return recorder.open(body, write).map(session -> reader.forReader(session, user)).response();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/visits")
    ResponseEntity<SessionRecorder.LoggedVisit> logVisit(@PathVariable String id, @RequestBody @Valid LogVisitRequest body,
                                                         WriteHeaders write, Authentication user) {
        return recorder.logVisit(id, body, write).map(logged -> new SessionRecorder.LoggedVisit(
                reader.forReader(logged.visit(), user), logged.petition(), logged.lookupCode())).response();
    }

    @PostMapping("/{id}/closing")
    ResponseEntity<SessionView> close(@PathVariable String id, WriteHeaders write, Authentication user) {
        return recorder.close(id, write).map(session -> reader.forReader(session, user)).response();
    }

    /** The scheduled days of a period (at most ten years) and what became of each; its months judged. */
    @GetMapping("/schedule")
    ReceptionSchedule.Schedule schedule(@Valid SessionPeriod period) {
        if (period.to().isAfter(period.from().plusYears(10))) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "the period is at most ten years")));
        }
        return schedule.schedule(period.from(), period.to());
    }

    @GetMapping
    List<SessionView> list(@Valid SessionPeriod period, Authentication user) {
        return reader.forReader(sessions.list(period.from(), period.to()), user);
    }

    @GetMapping("/{id}")
    SessionView get(@PathVariable String id, Authentication user) {
        return reader.forReader(recorder.find(id), user);
    }
}
