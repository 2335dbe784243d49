package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.petition.AcceptPetition;
import vn.commune.petition.domain.petition.AnswerInWriting;
import vn.commune.petition.domain.petition.ArchivePetition;
import vn.commune.petition.domain.petition.ConsultAdvisoryCouncil;
import vn.commune.petition.domain.petition.EscalatePetition;
import vn.commune.petition.domain.petition.ExtendDeadline;
import vn.commune.petition.domain.petition.ForwardPetition;
import vn.commune.petition.domain.petition.GuidePetitioner;
import vn.commune.petition.domain.petition.HoldDialogue;
import vn.commune.petition.domain.petition.ReceivePetition;
import vn.commune.petition.domain.petition.RecordMediation;
import vn.commune.petition.domain.petition.RejectPetition;
import vn.commune.petition.domain.petition.WithdrawPetition;
import vn.commune.petition.projections.history.PetitionAsOfQuery;
import vn.commune.petition.projections.history.PetitionHistory;
import vn.commune.petition.projections.history.PetitionHistoryQuery;
import vn.commune.petition.projections.petition.ListPetitions;
import vn.commune.petition.projections.petition.PetitionPage;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/** The petition API: receive a petition, record each step of its handling, read it and its history. */
@RestController
@RequestMapping("/api/petitions")
class PetitionController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final StepRecorder recorder;
    private final PetitionViewQueries views;
    private final PetitionHistoryQuery history;
    private final PetitionReader reader;
    private final DeadlinePolicy deadlines;
    private final PetitionAsOfQuery asOfQuery;
    private final Clock clock;

    PetitionController(StepRecorder recorder, PetitionViewQueries views, PetitionHistoryQuery history,
                       PetitionReader reader, DeadlinePolicy deadlines, PetitionAsOfQuery asOfQuery, Clock clock) {
        this.asOfQuery = asOfQuery;
        this.recorder = recorder;
        this.views = views;
        this.history = history;
        this.reader = reader;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestBody ReceivePetitionRequest body,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        return recorder.receive(id, body.receivedOn().getYear(), body, key, request, (reference, today) ->
                new ReceivePetition(id, reference, body.receivedOn(), body.channel(), body.kind(),
                        body.field().strip(), body.summary().strip(),
                        body.petitioners().stream().map(PetitionerRequest::toPetitioner).toList(),
                        blankToNull(body.ward()), body.sessionId(), today));
    }

    @PostMapping("/{id}/acceptance")
    ResponseEntity<String> accept(@PathVariable String id, @RequestBody AcceptanceRequest body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new AcceptPetition(id, version, body.acceptedOn(), body.complexity(), today));
    }

    @PostMapping("/{id}/forwarding")
    ResponseEntity<String> forward(@PathVariable String id, @RequestBody ForwardingRequest body,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new ForwardPetition(id, version, body.forwardedOn(), body.to().strip(), body.reason(), today));
    }

    @PostMapping("/{id}/guidance")
    ResponseEntity<String> guide(@PathVariable String id, @RequestBody GuidanceRequest body,
                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                 HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new GuidePetitioner(id, version, body.guidedOn(), body.to().strip(), today));
    }

    @PostMapping("/{id}/rejection")
    ResponseEntity<String> reject(@PathVariable String id, @RequestBody RejectionRequest body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new RejectPetition(id, version, body.rejectedOn(), body.legalGround().strip(), today));
    }

    @PostMapping("/{id}/archival")
    ResponseEntity<String> archive(@PathVariable String id, @RequestBody ArchivalRequest body,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new ArchivePetition(id, version, body.archivedOn(), body.reason().strip(), today));
    }

    @PostMapping("/{id}/mediations")
    ResponseEntity<String> mediate(@PathVariable String id, @RequestBody MediationRequest body,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new RecordMediation(id, version, body.heldOn(), body.outcome(), body.minutesRef(), body.notes(),
                        today));
    }

    @PostMapping("/{id}/dialogues")
    ResponseEntity<String> dialogue(@PathVariable String id, @RequestBody DialogueRequest body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                    HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new HoldDialogue(id, version, body.heldOn(), body.minutesRef(), today));
    }

    @PostMapping("/{id}/advisory-council")
    ResponseEntity<String> consult(@PathVariable String id, @RequestBody AdvisoryCouncilRequest body,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new ConsultAdvisoryCouncil(id, version, body.heldOn(), body.minutesRef(), today));
    }

    @PostMapping("/{id}/extensions")
    ResponseEntity<String> extend(@PathVariable String id, @RequestBody ExtensionRequest body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new ExtendDeadline(id, version, body.extendedOn(), body.days(), body.reason().strip(), today));
    }

    @PostMapping("/{id}/written-answer")
    ResponseEntity<String> answer(@PathVariable String id, @RequestBody WrittenAnswerRequest body,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new AnswerInWriting(id, version, body.answeredOn(), body.documentNumber().strip(),
                        body.summary().strip(), today));
    }

    @PostMapping("/{id}/escalation")
    ResponseEntity<String> escalate(@PathVariable String id, @RequestBody EscalationRequest body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                    HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new EscalatePetition(id, version, body.escalatedOn(), body.to().strip(), body.reason().strip(),
                        today));
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<String> withdraw(@PathVariable String id, @RequestBody WithdrawalRequest body,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                    HttpServletRequest request) {
        return recorder.step(known(id), ifMatch, body, key, request, (version, today) ->
                new WithdrawPetition(id, version, body.withdrawnOn(), body.reason(), today));
    }

    /**
     * The petition now; or, with {@code asOf}, as it stood on that business date; and with
     * {@code knownAt}, only from what had been recorded by that instant.
     */
    @GetMapping("/{id}")
    ResponseEntity<PetitionView> get(@PathVariable String id, @Valid AsOfParam asOf, Authentication user) {
        PetitionView current = views.find(known(id)).orElseThrow(() -> new NotFoundException("No petition has this id"));
        if (asOf.asOf() == null && asOf.knownAt() == null) {
            return ResponseEntity.ok().eTag(StepRecorder.etag(current))
                    .body(reader.forReader(current.overdueOn(today()), user));
        }
        LocalDate day = asOf.dayOr(today());
        PetitionView then = asOfQuery.find(id, asOf.asOf(), asOf.knownAt())
                .orElseThrow(() -> new NotFoundException("The petition had not been received (or recorded) by then"));
        return ResponseEntity.ok().body(reader.forReader(then.overdueOn(day), user));
    }

    @GetMapping
    PetitionPage list(@Valid ListPetitionsParams params, Authentication user) {
        PetitionPage page = views.list(new ListPetitions(params.status(), params.kind(), params.from(), params.to(),
                params.pageOrDefault(), params.sizeOrDefault()));
        LocalDate today = today();
        List<PetitionView> items = page.items().stream()
                .map(view -> reader.forReader(view.overdueOn(today), user))
                .toList();
        return new PetitionPage(items, page.page(), page.size(), page.total());
    }

    /** Quá hạn: the petitions open on a day and past their deadline, the longest overdue first. */
    @GetMapping("/overdue")
    OverdueList overdue(@Valid AsOfParam asOf, Authentication user) {
        LocalDate day = asOf.dayOr(today());
        return new OverdueList(day, views.overdueOn(day).stream()
                .map(view -> new OverduePetition(reader.forReader(view, user),
                        ChronoUnit.DAYS.between(view.dueOn(), day), deadlines.workingDaysLate(view.dueOn(), day)))
                .toList());
    }

    /** The overdue petitions on a day. */
    record OverdueList(LocalDate asOf, List<OverduePetition> items) {
    }

    /** An overdue petition and how late it is, in calendar and in working days. */
    record OverduePetition(@JsonUnwrapped PetitionView petition, long daysLate, int workingDaysLate) {
    }

    private LocalDate today() {
        return CommuneClock.today(clock);
    }

    @GetMapping("/{id}/history")
    PetitionHistory history(@PathVariable String id, Authentication user) {
        PetitionView view = views.find(known(id)).orElseThrow(() -> new NotFoundException("No petition has this id"));
        return history.find(id, !reader.maySeePetitioners(user, view.kind()))
                .orElseThrow(() -> new NotFoundException("No petition has this id"));
    }

    /** Petition ids are UUIDs; anything else names no petition. */
    private static String known(String id) {
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase()) ? id : fail();
        } catch (IllegalArgumentException e) {
            return fail();
        }
    }

    private static String fail() {
        throw new NotFoundException("No petition has this id");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
