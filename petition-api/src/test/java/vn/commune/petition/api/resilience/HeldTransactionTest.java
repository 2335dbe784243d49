package vn.commune.petition.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.domain.petition.ReceivePetition;

/**
 * Never skip an event: a transaction that stores an event and stays open is either ended by the
 * database's bounds before the counts give up waiting for its event, or commits in time and is
 * counted. The bounds and the gap timeout are shortened here (5 s and 11 s), so that it takes seconds.
 */
@PetitionServiceTest
@TestPropertySource(properties = {
        "petition.db.transaction-timeout=5s",
        "petition.db.statement-timeout=5s",
        "petition.db.idle-in-transaction-timeout=5s",
        "petition.events.gap-timeout=11s"})
class HeldTransactionTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(11);

    @LocalServerPort
    int port;

    @Autowired
    Writes writes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    /** A transaction that has stored a petition's receipt and waits, open, to be let go. */
    private record Held(String petitionId, long position, int backend, CountDownLatch release,
                        CompletableFuture<Void> outcome) {
    }

    /** Receives a petition in a transaction of the service's write path, and keeps it open until released. */
    private Held hold(LocalDate receivedOn) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        AtomicLong position = new AtomicLong();
        AtomicInteger backend = new AtomicInteger();
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> outcome = CompletableFuture.runAsync(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("officer", null, List.of()));
            transaction.executeWithoutResult(status -> {
                writes.send(new ReceivePetition(id, "HELD-" + id.substring(0, 8), receivedOn, Channel.POST,
                        PetitionKind.RECOMMENDATION, "Giao thông", "Đề nghị sửa đường",
                        List.of(new Petitioner("Người gửi", "Khu 2", null, null)), null, null, List.of(), null, null, receivedOn));
                position.set(jdbc.sql("SELECT global_index FROM domainevententry WHERE aggregate_identifier = :id")
                        .param("id", id).query(Long.class).single());
                backend.set(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
                stored.countDown();
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
        if (!stored.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The held receipt was not stored: " + outcome);
        }
        return new Held(id, position.get(), backend.get(), release, outcome);
    }

    private String receive(String receivedOn) {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition(receivedOn, "RECOMMENDATION", "Giao thông"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private long received(String month) {
        return Api.as(port, "inspector").get("/api/counts?from=" + month + "-01&to=" + month + "-28")
                .json().path("received").asLong();
    }

    private long stored(List<String> petitions) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregate_identifier IN (:ids)")
                .param("ids", petitions).query(Long.class).single();
    }

    private long position(String petitionId) {
        return jdbc.sql("SELECT max(global_index) FROM domainevententry WHERE aggregate_identifier = :id")
                .param("id", petitionId).query(Long.class).single();
    }

    private boolean open(int backend) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid").param("pid", backend)
                .query(Long.class).single() > 0;
    }

    private StreamingEventProcessor counts() {
        return processing.eventProcessor("counts", StreamingEventProcessor.class).orElseThrow();
    }

    private long countsPosition() {
        return counts().processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).max().orElse(-1);
    }

    private JsonNode eventGaps() {
        return Api.as(port, "admin").get("/actuator/health").json().path("components").path("eventGaps");
    }

    @Test
    void an_event_whose_transaction_outlives_the_gap_timeout_is_never_stored_so_the_counts_skip_none()
            throws Exception {
        // The counts read the events after the held one only once these are older than the gap
        // timeout, as after a restart or any delay: from then on Axon waits no more for the held one.
        counts().shutDown();
        try {
            Held held = hold(LocalDate.of(2013, 3, 4));
            Instant holdStarted = Instant.now();
            List<String> petitions = List.of(held.petitionId(), receive("2013-03-05"), receive("2013-03-06"));
            Instant lastStored = Instant.now();
            assertThat(position(petitions.get(1))).isGreaterThan(held.position());

            // The database ends the held transaction at its bound, before the gap timeout.
            await().pollDelay(Duration.ZERO).atMost(atLeastZero(holdStarted.plus(GAP_TIMEOUT)).plusMillis(100))
                    .until(() -> !open(held.backend()));

            sleep(atLeastZero(lastStored.plus(GAP_TIMEOUT).plusMillis(500)));
            counts().start();
            await().atMost(Duration.ofSeconds(30)).until(() -> countsPosition() >= position(petitions.get(2)));
            held.release().countDown();
            await().atMost(Duration.ofSeconds(30)).until(held.outcome()::isDone);

            // Every receipt stored is counted: the held one was never stored.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(received("2013-03")).isEqualTo(stored(petitions)));
            assertThat(held.outcome()).isCompletedExceptionally();
            assertThat(stored(petitions)).isEqualTo(2);
        } finally {
            if (!counts().isRunning()) {
                counts().start();
            }
        }
    }

    @Test
    void an_event_committed_in_time_below_the_counts_token_is_waited_for_and_counted() throws Exception {
        // Warmed up first (the first request, the first command, the counts' first batch), so that
        // the held transaction waits for no more than the counts and stays within its bound.
        String warmUp = receive("2013-04-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> countsPosition() >= position(warmUp));
        long gapsBefore = eventGaps().path("details").path("countsGaps").asLong();
        Held held = hold(LocalDate.of(2013, 5, 6));
        String after = receive("2013-05-07");

        // The counts have read past the held receipt and wait for it: a gap held by their token.
        JsonNode details = await().atMost(BOUND).until(() -> eventGaps().path("details"),
                waiting -> waiting.path("countsGaps").asLong() > gapsBefore);
        assertThat(details.path("oldestTransactionSeconds").asDouble()).isPositive();
        assertThat(details.path("gapTimeoutSeconds").asDouble()).isEqualTo(11.0);
        assertThat(details.path("transactionTimeoutSeconds").asDouble()).isEqualTo(5.0);
        String metrics = Api.as(port, "admin").get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("petition_projection_gaps\\{[^}]*projection=\"counts\"[^}]*} [1-9]")
                .contains("petition_db_oldest_transaction_seconds");
        assertThat(Api.as(port, null, null).get("/actuator/health").body()).doesNotContain("eventGaps");

        held.release().countDown();
        assertThat(held.outcome()).succeedsWithin(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(received("2013-05")).isEqualTo(stored(List.of(held.petitionId(), after))).isEqualTo(2));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                eventGaps().path("details").path("countsGaps").asLong() == gapsBefore);
    }

    @Test
    void a_read_only_transaction_and_a_rebuild_waiting_for_it_run_past_the_bounds() throws Exception {
        // A long read holds the live counts table; the rebuild's swap waits for it past the bounds.
        receive("2013-07-01");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> readOnly.execute(status -> {
            jdbc.sql("SELECT count(*) FROM count_fact").query(Long.class).single();
            reading.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return jdbc.sql("SELECT count(*) FROM count_fact").query(Long.class).single();
        }));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

        Api admin = Api.as(port, "admin");
        Api.Response started = admin.post("/api/admin/projections/counts/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE public.count_fact%'""")
                .query(Long.class).single() > 0);
        sleep(BOUND.plusSeconds(1));
        release.countDown();

        assertThat(read).succeedsWithin(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"RUNNING".equals(admin.get("/api/admin/projections/counts/rebuild").text("state")));
        assertThat(admin.get("/api/admin/projections/counts/rebuild").text("state")).isEqualTo("DONE");
    }

    private static Duration atLeastZero(Instant until) {
        Duration left = Duration.between(Instant.now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
