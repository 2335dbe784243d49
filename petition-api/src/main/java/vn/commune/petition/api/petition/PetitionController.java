package vn.commune.petition.api.petition;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.projections.history.PetitionAsOfQuery;
import vn.commune.petition.projections.history.PetitionHistory;
import vn.commune.petition.projections.petition.ListPetitions;
import vn.commune.petition.projections.petition.PetitionPage;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/** The petition API: receive a petition, record each step of its handling, read it and its history. */
@RestController
@RequestMapping("/api/petitions")
class PetitionController {


    private final StepRecorder recorder;
    private final PetitionViewQueries views;
    private final PetitionReader reader;
    private final DeadlinePolicies deadlines;
    private final PetitionAsOfQuery asOfQuery;
    private final Clock clock;

    PetitionController(StepRecorder recorder, PetitionViewQueries views, PetitionReader reader,
                       DeadlinePolicies deadlines, PetitionAsOfQuery asOfQuery, Clock clock) {
        this.asOfQuery = asOfQuery;
        this.recorder = recorder;
        this.views = views;
        this.reader = reader;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ReceivedPetition> receive(@RequestBody @Valid ReceivePetitionRequest body, WriteHeaders write) {
        return recorder.receive(body, write).response();
    }

    /** A new lookup code for a citizen who lost theirs: 200 with the view and the code, once. */
    @PostMapping("/{id}/lookup-code")
    ResponseEntity<ReceivedPetition> replaceLookupCode(@PathVariable String id, WriteHeaders write) {
        return recorder.replaceLookupCode(id, write).response();
    }

    @PostMapping("/{id}/acceptance")
    ResponseEntity<PetitionView> accept(@PathVariable String id, @RequestBody @Valid AcceptanceRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/forwarding")
    ResponseEntity<PetitionView> forward(@PathVariable String id, @RequestBody @Valid ForwardingRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/guidance")
    ResponseEntity<PetitionView> guide(@PathVariable String id, @RequestBody @Valid GuidanceRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/rejection")
    ResponseEntity<PetitionView> reject(@PathVariable String id, @RequestBody @Valid RejectionRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/archival")
    ResponseEntity<PetitionView> archive(@PathVariable String id, @RequestBody @Valid ArchivalRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/mediations")
    ResponseEntity<PetitionView> mediate(@PathVariable String id, @RequestBody @Valid MediationRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/dialogues")
    ResponseEntity<PetitionView> dialogue(@PathVariable String id, @RequestBody @Valid DialogueRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/advisory-council")
    ResponseEntity<PetitionView> consultAdvisoryCouncil(@PathVariable String id, @RequestBody @Valid AdvisoryCouncilRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/extensions")
    ResponseEntity<PetitionView> extend(@PathVariable String id, @RequestBody @Valid ExtensionRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/written-answer")
    ResponseEntity<PetitionView> answer(@PathVariable String id, @RequestBody @Valid WrittenAnswerRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/escalation")
    ResponseEntity<PetitionView> escalate(@PathVariable String id, @RequestBody @Valid EscalationRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/suspension")
    ResponseEntity<PetitionView> suspend(@PathVariable String id, @RequestBody @Valid SuspensionRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/resumption")
    ResponseEntity<PetitionView> resume(@PathVariable String id, @RequestBody @Valid ResumptionRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/termination")
    ResponseEntity<PetitionView> terminate(@PathVariable String id, @RequestBody @Valid TerminationRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/partial-withdrawal")
    ResponseEntity<PetitionView> withdrawPart(@PathVariable String id, @RequestBody @Valid PartialWithdrawalRequest body,
                                              WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<PetitionView> withdraw(@PathVariable String id, @RequestBody @Valid WithdrawalRequest body, WriteHeaders write) {
        return recorder.step(id, body, write).response();
    }

    /**
     * The petition now; or, with {@code asOf}, as it stood on that business date; and with
     * {@code knownAt}, only from what had been recorded by that instant.
     */
    @GetMapping("/{id}")
    ResponseEntity<PetitionView> get(@PathVariable String id, @Valid AsOfParam asOf, Authentication user) {
        PetitionView current = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION)).orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
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

    /** Quá hạn: the petitions open on a day and past their deadline, the longest overdue first, a page at a time. */
    @GetMapping("/overdue")
    OverdueList overdue(@Valid OverdueParams params, Authentication user) {
        LocalDate day = params.asOf() == null ? today() : params.asOf();
        int size = params.sizeOrDefault();
        return new OverdueList(day, views.overdueOn(day, (long) params.pageOrDefault() * size, size).stream()
                .map(view -> new OverduePetition(reader.forReader(view, user),
                        ChronoUnit.DAYS.between(view.dueOn(), day), deadlines.of(view.commune()).workingDaysLate(view.dueOn(), day)))
                .toList(), params.pageOrDefault(), size, views.countOverdueOn(day));
    }

    /** A page of the overdue petitions on a day, and how many there are in all. */
    record OverdueList(LocalDate asOf, List<OverduePetition> items, int page, int size, long total) {
    }

    /** An overdue petition and how late it is, in calendar and in working days. */
    record OverduePetition(@JsonUnwrapped PetitionView petition, long daysLate, int workingDaysLate) {
    }

    private LocalDate today() {
        return CommuneClock.today(clock);
    }

    @GetMapping("/{id}/history")
    PetitionHistory history(@PathVariable String id, Authentication user) {
        PetitionView view = views.find(NotFoundException.unlessId(id, StepRecorder.NO_PETITION)).orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
        return reader.history(view, user)
                .orElseThrow(() -> new NotFoundException(StepRecorder.NO_PETITION));
    }
}
