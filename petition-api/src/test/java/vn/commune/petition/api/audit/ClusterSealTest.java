package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.projections.audit.AuditVerifier;
import vn.commune.petition.projections.audit.MerkleTree;
import vn.commune.petition.projections.audit.Seals;
import vn.commune.petition.projections.audit.Seals.Seal;

/**
 * Several instances of the service on one database seal as one: never two at a time, never two
 * seals over the same new events, and each seal grown from the last one's peaks has the root of the
 * tree over every event. Its own database, since it counts the seals.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=audit-seal-cluster", "petition.audit.settle=PT0S"})
class ClusterSealTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Seals seals;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void two_instances_sealing_at_once_make_one_seal() throws Exception {
        receive(3);
        olderSeals();
        long before = count();
        for (int round = 0; round < 5; round++) {
            receive(2);
            CountDownLatch ready = new CountDownLatch(2);
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                List<Future<Optional<Seal>>> sealed = new ArrayList<>();
                for (String instance : List.of("system-a", "system-b")) {
                    Callable<Optional<Seal>> seal = () -> {
                        ready.countDown();
                        ready.await();
                        return seals.seal(instance, Duration.ofHours(1));
                    };
                    sealed.add(instances.submit(seal));
                }
                long made = 0;
                for (Future<Optional<Seal>> seal : sealed) {
                    made += seal.get().isPresent() ? 1 : 0;
                }
                assertThat(made).as("round %d", round).isLessThanOrEqualTo(1);
            } finally {
                instances.shutdownNow();
            }
            olderSeals();
        }
        assertThat(count() - before).as("one seal a round, whichever instance made it").isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_seal s JOIN audit_seal t ON t.previous_seal_id = s.id"
                + " WHERE t.up_to_global_index <= s.up_to_global_index").query(Long.class).single()).isZero();
        assertThat(verifier.verifyAll(null).status()).isEqualTo("OK");
    }

    @Test
    void an_instance_finding_another_sealing_does_nothing() throws InterruptedException {
        receive(1);
        TransactionTemplate other = new TransactionTemplate(transactions);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread sealing = new Thread(() -> other.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('petition.audit.seal'))").query(Object.class).list();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        sealing.start();
        try {
            assertThat(await(holding)).isTrue();
            assertThat(seals.seal("system")).as("another instance is sealing").isEmpty();
        } finally {
            release.countDown();
        }
        sealing.join(30_000);
        assertThat(seals.seal("system")).as("once the other has committed").isPresent();
    }

    @Test
    void the_daily_seal_of_a_second_instance_does_nothing_after_the_first_made_it() {
        receive(1);
        olderSeals();
        assertThat(seals.seal("system", Duration.ofHours(1))).isPresent();
        receive(1);
        assertThat(seals.seal("system", Duration.ofHours(1))).as("fired a few seconds later elsewhere").isEmpty();
        assertThat(seals.seal("inspector")).as("a seal on demand is made").isPresent();
    }

    @Test
    void no_two_seals_follow_the_same_seal() {
        receive(1);
        Seal last = seals.seal("system").orElseThrow();
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO audit_seal (up_to_global_index, event_count, merkle_root, sealed_at, sealed_by,
                                                previous_seal_id)
                        SELECT up_to_global_index + 1, event_count + 1, merkle_root, sealed_at, 'forger', previous_seal_id
                          FROM audit_seal WHERE id = :id""")
                .param("id", last.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void each_seal_grown_from_the_last_has_the_root_over_every_event_and_verifies() {
        for (int round = 0; round < 4; round++) {
            receive(1 + round * 3);
            if (round == 2) {
                // A seal made before seals kept their peaks: the next one reads every hash again.
                jdbc.sql("UPDATE audit_seal SET merkle_peaks = NULL WHERE id = (SELECT max(id) FROM audit_seal)")
                        .update();
            }
            Seal seal = seals.seal("inspector").orElseThrow();
            List<String> all = jdbc.sql("SELECT hash FROM event_hash WHERE global_index <= :upTo ORDER BY global_index")
                    .param("upTo", seal.upToGlobalIndex()).query(String.class).list();
            assertThat(seal.eventCount()).isEqualTo(all.size());
            assertThat(seal.merkleRoot()).as("round %d", round).isEqualTo(MerkleTree.root(all));
        }
        assertThat(verifier.verifyAll(null).status()).isEqualTo("OK");
    }

    private void receive(int petitions) {
        Api officer = Api.as(port, "officer");
        for (int i = 0; i < petitions; i++) {
            assertThat(officer.post("/api/petitions", Api.petition("2024-05-06", "FEEDBACK", "Điện")).status())
                    .isEqualTo(201);
        }
    }

    /** Moves the seals made so far two hours back, out of the daily seal's hour. */
    private void olderSeals() {
        jdbc.sql("UPDATE audit_seal SET sealed_at = sealed_at - interval '2 hours'").update();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_seal").query(Long.class).single();
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
