package vn.commune.petition.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.projections.rebuild.Claim;
import vn.commune.petition.projections.rebuild.ProjectionDefinition;
import vn.commune.petition.projections.rebuild.ProjectionRebuilder;
import vn.commune.petition.projections.rebuild.RebuildMethod;
import vn.commune.petition.projections.rebuild.Run;

/**
 * Operating the read models, for the API (ProjectionsController) and the operations page
 * (OperationsPages) alike: each projection's position against the head of the store, its rebuilds and
 * verifications, and the events parked in the dead-letter queue and their retry.
 */
@Component
public class ProjectionOperations {

    /** The most parked events a retry hands back to its processor in one request. */
    static final int RETRIES_PER_REQUEST = 1_000;

    /**
     * One read model: its tables and rows, its processor and how far it is. {@code behind} is the
     * events stored after its position (a tracking processor's), {@code latencyMillis} how old the last
     * event it handled was when it handled it (Axon's latency monitor, the counts only); both null for a
     * subscribing processor, which writes in the step's own transaction and is never behind. {@code methods}
     * are the ways it can be rebuilt, its default first. With several instances a tracking processor runs on
     * the one holding its claim, {@code owner} (Axon's node name, "pid@host"): the others read its position
     * from the token store, and {@code latencyMillis} is known on the owner only.
     */
    public record ProjectionStatus(String name, String mode, List<RebuildMethod> methods, boolean running,
                                   Long position, long head, Long behind, Double latencyMillis, Map<String, Long> rows,
                                   Run.Progress lastRun, String owner) {
    }

    /** An event a tracking projection could not handle, parked; its cause by type only (a message may hold data). */
    public record DeadLetter(String processingGroup, String eventIdentifier, String payloadType, String causeType,
                             String enqueuedAt, String lastTouched) {
    }

    /** What a retry did: how many parked events were handled, and how many were parked before and are now. */
    public record Retry(String processingGroup, int retried, long parkedBefore, long parkedNow) {
    }

    private final ProjectionRebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    ProjectionOperations(ProjectionRebuilder rebuilder, EventProcessingConfiguration processing, JdbcClient jdbc,
                         MeterRegistry meters) {
        this.rebuilder = rebuilder;
        this.processing = processing;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    public List<ProjectionStatus> projections() {
        long head = rebuilder.head();
        return rebuilder.projections().stream().map(projection -> status(projection, head)).toList();
    }

    /** The projection this name names, as it stands now; 404 otherwise. */
    public ProjectionStatus status(String name) {
        return status(projection(name), rebuilder.head());
    }

    /** The projection this name names; 404 otherwise. */
    public ProjectionDefinition projection(String name) {
        return rebuilder.projection(name).orElseThrow(() -> new NotFoundException("No projection has this name"));
    }

    /**
     * Starts a rebuild by the method named ({@code sql} or {@code handlers}, case aside), or by the
     * projection's first when none is; refused when a rebuild or a verification of it is running on
     * any instance, with that run's progress.
     */
    public Claim rebuild(String name, String method) {
        ProjectionDefinition projection = projection(name);
        List<RebuildMethod> methods = projection.methods();
        RebuildMethod how = method == null || method.isEmpty() ? methods.get(0) : methods.stream()
                .filter(m -> m.name().equalsIgnoreCase(method))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldProblem("method", methods.size() == 1
                        ? "must be handlers: this projection has no set-based rebuild" : "must be sql or handlers"))));
        return rebuilder.rebuild(projection.name(), how);
    }

    /** Starts verifying the projection against a fresh replay; refused when a run of it is under way. */
    public Claim verify(String name) {
        return rebuilder.verify(projection(name).name());
    }

    /** The projection's last run of this kind, on any instance. */
    public Optional<Run.Progress> last(String name, Run.Kind kind) {
        return rebuilder.last(projection(name).name(), kind);
    }

    /** The projection's last run of either kind, on any instance. */
    public Optional<Run.Progress> last(String name) {
        return rebuilder.last(projection(name).name());
    }

    public List<DeadLetter> deadLetters() {
        return jdbc.sql("""
                SELECT processingGroup, eventIdentifier, payloadType, causeType, enqueuedAt, lastTouched
                FROM deadletterentry ORDER BY enqueuedAt""")
                .query((rs, n) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Hands the group's parked events back to its processor, up to {@link #RETRIES_PER_REQUEST}. */
    public Retry retry(String group) {
        // The handlers write every commune's rows, as the processor does: as the owner, out of the
        // requesting admin's commune scope (the admin sees every commune: Communes.requireEveryCommune).
        try (CommuneScope.Opened owner = CommuneScope.owner()) {
            return retryAsOwner(group);
        }
    }

    private Retry retryAsOwner(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("No dead-letter queue for this processing group"));
        long before = parked(group);
        int processed = 0;
        int attempts = 0;
        while (attempts++ < RETRIES_PER_REQUEST && processor.processAny()) {
            processed++;
        }
        return new Retry(group, processed, before, parked(group));
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
        Long position = null;
        Long behind = null;
        Double latency = null;
        String owner = null;
        if (processor instanceof StreamingEventProcessor streaming) {
            position = streaming.processingStatus().values().stream()
                    .map(s -> s.getCurrentPosition())
                    .filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong)
                    .max().stream().boxed().findFirst().orElse(null);
            StoredToken stored = storedToken(projection.name());
            owner = stored.owner();
            if (streaming.processingStatus().isEmpty()) {
                // Another instance holds the claim: its position as last stored.
                position = stored.position();
            }
            behind = Math.max(0, head - (position == null ? 0 : position));
            Gauge gauge = meters.find("eventProcessor.latency").tag("processorName", projection.name()).gauge();
            latency = gauge == null || Double.isNaN(gauge.value()) ? null : gauge.value();
        }
        String mode = processor instanceof StreamingEventProcessor ? "tracking" : "subscribing";
        return new ProjectionStatus(projection.name(), mode, projection.methods(), processor != null && processor.isRunning(), position,
                head, behind, latency, rows, rebuilder.last(projection.name()).orElse(null), owner);
    }

    /** A tracking processor's token as stored: who holds its claim (null: nobody) and its position (null: none yet). */
    private record StoredToken(String owner, Long position) {
    }

    private StoredToken storedToken(String processor) {
        // Jackson stores a GapAwareTrackingToken as {"index": n, "gaps": [...]}, a ReplayToken with it as currentToken.
        return jdbc.sql("""
                        SELECT owner, CAST(COALESCE(j ->> 'index', j -> 'currentToken' ->> 'index') AS bigint) AS position
                          FROM (SELECT owner, CAST(convert_from(token, 'UTF8') AS jsonb) AS j
                                  FROM tokenentry WHERE processor_name = :name ORDER BY segment LIMIT 1) t
                        """)
                .param("name", processor)
                .query((rs, row) -> new StoredToken(rs.getString("owner"), rs.getObject("position", Long.class)))
                .optional()
                .orElse(new StoredToken(null, null));
    }
}
