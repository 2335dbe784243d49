package vn.commune.petition.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.projections.ProjectionDatabase;

/**
 * Two instances of the service on one database, each with its own {@link Runs}: a run of a projection
 * is claimed by one of them only, the other is shown that run's progress, and a run whose instance
 * died is taken as abandoned once its heartbeat is older than the timeout.
 */
class RunsTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    // Long, on a clock the test moves, so that no heartbeat scheduled in real time comes in between.
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T03:00:00Z"));
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    private final Runs first = runs("instance-a");
    private final Runs second = runs("instance-b");

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void two_instances_claiming_the_same_projection_get_one_run_and_one_refusal_showing_it() throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Claim> claimA = () -> {
                ready.countDown();
                ready.await();
                return first.claim("counts", Run.Kind.REBUILD, RebuildMethod.SQL, 120).claim();
            };
            Callable<Claim> claimB = () -> {
                ready.countDown();
                ready.await();
                return second.claim("counts", Run.Kind.VERIFICATION, RebuildMethod.HANDLERS, 120).claim();
            };
            Future<Claim> a = instances.submit(claimA);
            Future<Claim> b = instances.submit(claimB);
            List<Claim> claims = List.of(a.get(), b.get());

            assertThat(claims).filteredOn(Claim::isStarted).hasSize(1);
            Claim started = claims.stream().filter(Claim::isStarted).findFirst().orElseThrow();
            Claim refused = claims.stream().filter(c -> !c.isStarted()).findFirst().orElseThrow();
            Run run = started.started();
            run.advance(40);
            runsOf(run).beat();

            assertThat(refused.running().id()).isEqualTo(run.id());
            assertThat(refused.running().state()).isEqualTo(Run.State.RUNNING);
            assertThat(refused.running().instance()).isEqualTo(run.progress().instance());
            Runs other = runsOf(run) == first ? second : first;
            Run.Progress seenByOther = other.last("counts").orElseThrow();
            assertThat(seenByOther.state()).isEqualTo(Run.State.RUNNING);
            assertThat(seenByOther.eventsDone()).as("as of the last heartbeat").isEqualTo(40);
            assertThat(seenByOther.eventsTotal()).isEqualTo(120);
            assertThat(seenByOther.instance()).isEqualTo(run.progress().instance());

            run.done(null);
            Run.Progress done = other.last("counts").orElseThrow();
            assertThat(done.state()).isEqualTo(Run.State.DONE);
            assertThat(done.finishedAt()).isNotNull();
            assertThat(other.claim("counts", Run.Kind.REBUILD, RebuildMethod.SQL, 120).claim().isStarted())
                    .as("free once the run has ended").isTrue();
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void a_run_whose_instance_died_is_abandoned_after_the_heartbeat_timeout_and_may_be_claimed_again() {
        Run dead = first.claim("petition-view", Run.Kind.REBUILD, RebuildMethod.SQL, 10).claim().started();
        first.close();

        clock.move(TIMEOUT.minusSeconds(1));
        Runs.Claimed tooSoon = second.claim("petition-view", Run.Kind.REBUILD, RebuildMethod.SQL, 10);
        assertThat(tooSoon.claim().isStarted()).isFalse();
        assertThat(tooSoon.abandoned()).isEmpty();

        clock.move(Duration.ofSeconds(2));
        assertThat(second.last("petition-view").orElseThrow().state()).isEqualTo(Run.State.ABANDONED);
        Runs.Claimed again = second.claim("petition-view", Run.Kind.REBUILD, RebuildMethod.SQL, 10);
        assertThat(again.claim().isStarted()).isTrue();
        assertThat(again.abandoned()).containsExactly(dead.id());
        assertThat(second.last("petition-view", Run.Kind.REBUILD).orElseThrow().id())
                .isEqualTo(again.claim().started().id());
        assertThat(database.jdbc().sql("SELECT state FROM projection_run WHERE id = :id").param("id", dead.id())
                .query(String.class).single()).isEqualTo("ABANDONED");
    }

    @Test
    void a_heartbeat_keeps_a_long_run_claimed_and_a_run_taken_over_stops_at_its_next_step() {
        Run run = first.claim("session-view", Run.Kind.REBUILD, RebuildMethod.HANDLERS, 10).claim().started();
        for (int i = 0; i < 3; i++) {
            clock.move(TIMEOUT.minusSeconds(5));
            first.beat();
            assertThat(second.claim("session-view", Run.Kind.REBUILD, RebuildMethod.HANDLERS, 10).claim().isStarted())
                    .isFalse();
        }
        // The instance stalls past the timeout: another takes the projection, and the stalled run stops.
        clock.move(TIMEOUT.plusSeconds(1));
        assertThat(second.claim("session-view", Run.Kind.REBUILD, RebuildMethod.HANDLERS, 10).claim().isStarted())
                .isTrue();
        first.beat();
        assertThatThrownBy(() -> run.advance(1))
                .isInstanceOf(IllegalStateException.class);
        run.failed(new IllegalStateException());
        assertThat(database.jdbc().sql("SELECT state FROM projection_run WHERE id = :id").param("id", run.id())
                .query(String.class).single()).as("its end does not overwrite the abandonment").isEqualTo("ABANDONED");
    }

    @Test
    void each_run_has_scratch_schemas_of_its_own() {
        ProjectionDefinition counts = new ProjectionDefinition("counts", List.of("count_fact"), writes -> null);
        List<String> one = ProjectionRebuilder.scratchSchemas(counts, 7);
        List<String> other = ProjectionRebuilder.scratchSchemas(counts, 8);
        assertThat(one).containsExactly("rebuild_counts_7", "retired_rebuild_counts_7", "verify_counts_7",
                "verify_counts_7_live");
        assertThat(one).doesNotContainAnyElementsOf(other);

        // Two runs' copies side by side: dropping one's leaves the other's.
        Copy.create(counts, one.get(0), true, database.dataSource(), transaction);
        Copy.create(counts, other.get(0), true, database.dataSource(), transaction);
        Copy.drop(database.dataSource(), one.get(0));
        assertThat(database.jdbc().sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_counts_%'")
                .query(String.class).list()).containsExactly("rebuild_counts_8");
        Copy.drop(database.dataSource(), other.get(0));
    }

    @Test
    void a_heartbeat_too_slow_for_its_timeout_is_refused() {
        assertThatThrownBy(() -> new Runs(database.dataSource(), transaction, clock, "c", TIMEOUT,
                TIMEOUT.dividedBy(2).plusMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private Runs runs(String instance) {
        return new Runs(database.dataSource(), transaction, clock, instance, TIMEOUT, TIMEOUT.dividedBy(2));
    }

    private Runs runsOf(Run run) {
        return run.progress().instance().equals("instance-a") ? first : second;
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
