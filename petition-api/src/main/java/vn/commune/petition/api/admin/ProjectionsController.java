package vn.commune.petition.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.beans.factory.DisposableBean;
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
import vn.commune.petition.projections.rebuild.RebuildProgress;

/**
 * Operating the read models: their state and lag, rebuilds without downtime (ADMIN), verification
 * against a fresh rebuild (INSPECTOR, ADMIN), and the events parked in the dead-letter queue.
 */
@RestController
class ProjectionsController implements DisposableBean {

    private final ProjectionRebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionsController(ProjectionRebuilder rebuilder, EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.rebuilder = rebuilder;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** One read model: its tables and rows, its processor, and its last rebuild or verification. */
    record ProjectionStatus(String name, String mode, boolean running, Long position, long head,
                            Map<String, Long> rows, RebuildProgress lastRun) {
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionStatus> projections() {
        long head = jdbc.sql("SELECT COALESCE(max(global_index), -1) FROM domainevententry").query(Long.class).single();
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
        if (!rebuilder.start(projection.name(), how, background)) {
            return busy();
        }
        return ResponseEntity.accepted()
                .header("Location", "/api/admin/projections/" + name + "/rebuild")
                .body(Map.of("projection", name, "state", "STARTED"));
    }

    /**
     * The progress of the projection's last rebuild or verification, cheap enough to poll while one
     * runs (the listing above counts every table's rows).
     */
    @GetMapping("/api/admin/projections/{name}/rebuild")
    RebuildProgress lastRun(@PathVariable String name) {
        return rebuilder.progress(known(name).name())
                .orElseThrow(() -> new NotFoundException("This projection has not been rebuilt or verified since the"
                        + " service started"));
    }

    @GetMapping("/api/admin/projections/{name}/verify")
    ResponseEntity<?> verify(@PathVariable String name) {
        try {
            return ResponseEntity.ok(rebuilder.verify(known(name).name()));
        } catch (ProjectionRebuilder.Busy e) {
            return busy();
        }
    }

    private static ResponseEntity<ProblemDetail> busy() {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "A rebuild is running",
                "This projection is already being rebuilt or verified");
        problem.setProperty("rule", "REBUILD_RUNNING");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
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
                head, rows, rebuilder.progress(projection.name()).orElse(null));
    }

    private ProjectionDefinition known(String name) {
        return rebuilder.projection(name).orElseThrow(() -> new NotFoundException("No projection has this name"));
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
