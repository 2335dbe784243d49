package vn.commune.petition.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.ProjectionDatabase;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.counts.CountsProjection;

/** The counts processor's writes wait for the end of their batch, and go with it or not at all. */
class UnitOfWorkDeferredWritesTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private final UnitOfWorkDeferredWrites writes = new UnitOfWorkDeferredWrites(database.dataSource());
    private final AnnotationEventHandlerAdapter counts = new AnnotationEventHandlerAdapter(
            new CountsProjection(writes, Clock.systemUTC(), new SimpleMeterRegistry(),
                    new EventCommune("10105")));

    @Test
    void a_batch_writes_when_it_commits_and_not_before() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(received("a"), received("b")));
        List<Long> seenWhileHandling = new ArrayList<>();
        batch.executeWithResult(() -> {
            writes.handle(batch, () -> counts.handle(batch.getMessage()));
            seenWhileHandling.add(rows());
            return null;
        });
        assertThat(seenWhileHandling).containsExactly(0L, 0L);
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void a_batch_rolled_back_writes_nothing() {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(received("c"), received("e")));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            writes.handle(batch, () -> counts.handle(batch.getMessage()));
            if (batch.isLastMessage()) {
                throw new IllegalStateException("the batch fails after its handlers ran");
            }
            return null;
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(batch.isRolledBack()).isTrue();
        assertThat(rows()).isZero();
    }

    @Test
    void outside_a_batch_a_write_runs_at_once() throws Exception {
        counts.handle(received("d"));
        assertThat(rows()).isEqualTo(1);
    }

    private static long rows() {
        return database.jdbc().sql("SELECT count(*) FROM count_petition").query(Long.class).single();
    }

    private static EventMessage<?> received(String id) {
        LocalDate on = LocalDate.of(2024, 3, 7);
        PetitionReceived event = new PetitionReceived(id, "ref-" + id, on, Channel.POST, PetitionKind.COMPLAINT,
                "Đất đai", "Tranh chấp", List.of(new Petitioner("Công dân", "Khu 1", null, null)), "Khu 1", null,
                on.plusDays(10), "VN-2019", List.of(), null, null);
        return new GenericDomainEventMessage<>("Petition", id, 0, event, MetaData.emptyInstance(), "event-" + id,
                Instant.parse("2024-07-01T00:00:00Z"));
    }
}
