package vn.commune.petition.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.projections.rebuild.ProjectionDefinition;
import vn.commune.petition.projections.rebuild.ProjectionRebuilder;
import vn.commune.petition.projections.rebuild.RebuildMethod;
import vn.commune.petition.projections.rebuild.Run;

/**
 * Operating the read models: their state and lag, rebuilds without downtime (ADMIN), verification
 * against a fresh replay (INSPECTOR, ADMIN), and the events parked in the dead-letter queue.
 */
@RestController
class ProjectionsController {

    private final ProjectionRebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    ProjectionsController(ProjectionRebuilder rebuilder, EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.rebuilder = rebuilder;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** One read model: its tables and rows, its processor and how far it is, and its last run. */
    record ProjectionStatus(String name, String mode, boolean running, Long position, long head,
                            Map<String, Long> rows, Run.Progress lastRun) {
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionStatus> projections() {
        long head = rebuilder.head();
        return rebuilder.projections().stream().map(projection -> status(projection, head)).toList();
    }

    /**
     * Starts a rebuild; {@code ?method=handlers} replays every event through the handlers even where
     * the projection has a set-based rebuild ({@code sql}, the default where there is one).
     */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<?> rebuild(@PathVariable String name, @RequestParam(required = false) String method) {
        ProjectionDefinition projection = known(name);
        List<RebuildMethod> methods = projection.methods();
        RebuildMethod how = method == null ? methods.get(0) : methods.stream()
                .filter(m -> m.name().equalsIgnoreCase(method))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldProblem("method", methods.size() == 1
                        ? "must be handlers: this projection has no set-based rebuild" : "must be sql or handlers"))));
        return started(rebuilder.rebuild(projection.name(), how), "/api/admin/projections/" + name + "/rebuild");
    }

    /** The progress of the projection's last rebuild, cheap enough to poll while it runs. */
    @GetMapping("/api/admin/projections/{name}/rebuild")
    Run.Progress lastRebuild(@PathVariable String name) {
        return last(name, Run.Kind.REBUILD);
    }

    /** Starts a verification of the projection against a fresh replay of its handlers. */
    @PostMapping("/api/admin/projections/{name}/verification")
    ResponseEntity<?> verify(@PathVariable String name) {
        return started(rebuilder.verify(known(name).name()), "/api/admin/projections/" + name + "/verification");
    }

    /** The progress of the projection's last verification and, once it is done, what it found. */
    @GetMapping("/api/admin/projections/{name}/verification")
    Run.Progress lastVerification(@PathVariable String name) {
        return last(name, Run.Kind.VERIFICATION);
    }

    private Run.Progress last(String name, Run.Kind kind) {
        return rebuilder.last(known(name).name(), kind).map(Run::progress)
                .orElseThrow(() -> new NotFoundException("This projection has had no such run since the service"
                        + " started"));
    }

    /** 202 pointing to the run's progress, or 409 if a rebuild or a verification of the projection is running. */
    private static ResponseEntity<?> started(Optional<Run> run, String progress) {
        if (run.isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "A rebuild is running",
                    "This projection is already being rebuilt or verified");
            problem.setProperty("rule", "REBUILD_RUNNING");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().header("Location", progress).body(run.get().progress());
    }

    /** An event a tracking projection could not handle, parked; its cause by type only (a message may hold data). */
    record DeadLetter(String processingGroup, String eventIdentifier, String payloadType, String causeType,
                      String enqueuedAt, String lastTouched) {
    }

    @GetMapping("/api/admin/dead-letters")
    List<DeadLetter> deadLetters() {
        return jdbc.sql("""
                SELECT processingGroup, eventIdentifier, payloadType, causeType, enqueuedAt, lastTouched
                FROM deadletterentry ORDER BY enqueuedAt""")
                .query((rs, n) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    Map<String, Object> retry(@PathVariable String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("No dead-letter queue for this processing group"));
        int processed = 0;
        int attempts = 0;
        long before = parked(group);
        while (attempts++ < 1_000 && processor.processAny()) {
            processed++;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("processingGroup", group);
        result.put("retried", processed);
        result.put("parkedBefore", before);
        result.put("parkedNow", parked(group));
        return result;
    }

    private long parked(String group) {
        return jdbc.sql("SELECT count(*) FROM deadletterentry WHERE processingGroup = :group")
                .param("group", group).query(Long.class).single();
    }

    private ProjectionStatus status(ProjectionDefinition projection, long head) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : projection.tables()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM public." + table).query(Long.class).single());
        }
        EventProcessor processor = processing.eventProcessor(projection.name()).orElse(null);
        String mode = processor instanceof StreamingEventProcessor ? "tracking" : "subscribing";
        Long position = null;
        if (processor instanceof StreamingEventProcessor streaming) {
            position = streaming.processingStatus().values().stream()
                    .map(s -> s.getCurrentPosition())
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .max().stream().boxed().findFirst().orElse(null);
        }
        return new ProjectionStatus(projection.name(), mode, processor != null && processor.isRunning(), position,
                head, rows, rebuilder.last(projection.name()).map(Run::progress).orElse(null));
    }

    private ProjectionDefinition known(String name) {
        return rebuilder.projection(name).orElseThrow(() -> new NotFoundException("No projection has this name"));
    }
}
