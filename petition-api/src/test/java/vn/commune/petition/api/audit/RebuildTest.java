package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Rebuilds without downtime, verification row by row, and a poison event parked in the dead-letter
 * queue instead of stopping the counts silently. Its own database, since it tampers with it. Rebuilds
 * here go 7 events at a time, so that each runs many batches, read on one thread and written on
 * another.
 */
@PetitionServiceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"petition.test.context=rebuild", "petition.rebuild.batch-size=7"})
class RebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private JsonNode counts() {
        return Api.as(port, "inspector").get("/api/counts?from=2015-01-01&to=2015-12-31").json();
    }

    private JsonNode projection(String name) {
        for (JsonNode projection : Api.as(port, "admin").get("/api/admin/projections").json()) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    @Test
    void a_damaged_read_model_is_found_by_verify_and_mended_by_a_rebuild_while_reads_go_on() throws Exception {
        Api officer = Api.as(port, "officer");
        Api chair = Api.as(port, "chair");
        String first = null;
        for (int i = 0; i < 12; i++) {
            String id = officer.post("/api/petitions", Api.petition("2015-06-04", "RECOMMENDATION", "Đất đai")).text("id");
            first = first == null ? id : first;
            chair.post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2015-06-05"));
            officer.post("/api/petitions/" + id + "/mediations", Map.of("heldOn", "2015-06-11", "outcome", "SUCCEEDED"));
            chair.post("/api/petitions/" + id + "/written-answer",
                    Map.of("answeredOn", "2015-06-12", "documentNumber", i + "/UBND", "summary", "Trả lời"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> counts().path("resolved").asLong() == 12);

        Api inspector = Api.as(port, "inspector");
        JsonNode match = Verifications.verify(port, "inspector", "counts").json();
        assertThat(match.path("verification").path("status").asText()).as(match.toString()).isEqualTo("MATCH");
        assertThat(match.path("eventsDone").asLong()).isGreaterThanOrEqualTo(48);

        jdbc.sql("UPDATE count_petition SET closed_as = NULL, closed_on = NULL WHERE petition_id = :id")
                .param("id", first).update();
        assertThat(counts().path("resolved").asLong()).isEqualTo(11);
        JsonNode different = Verifications.verify(port, "inspector", "counts").json().path("verification");
        assertThat(different.path("status").asText()).isEqualTo("DIFFERENT");
        assertThat(different.path("differences").findValuesAsText("table")).contains("count_petition");
        assertThat(different.path("differences").toString()).contains(first);

        assertThat(inspector.post("/api/admin/projections/counts/rebuild", "").status()).isEqualTo(403);
        assertThat(Api.officer(port).post("/api/admin/projections/counts/verification", "").status()).isEqualTo(403);
        assertThat(inspector.get("/api/admin/projections/session-view/rebuild").status()).isEqualTo(404);
        Api.Response started = Api.as(port, "admin").post("/api/admin/projections/counts/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/admin/projections/counts/rebuild");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(inspector.get("/api/admin/projections/counts/rebuild").text("state")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(projection("counts").path("lastRun").path("state").asText()));
        JsonNode lastRun = projection("counts").path("lastRun");
        assertThat(lastRun.path("eventsDone").asLong()).isGreaterThanOrEqualTo(48);
        assertThat(lastRun.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(counts().path("resolved").asLong()).isEqualTo(12);
        assertThat(Verifications.status(port, "inspector", "counts")).isEqualTo("MATCH");

        // The petition view is rebuilt while an officer keeps reading it: every read succeeds.
        String watched = first;
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                Api.Response response = officer.get("/api/petitions/" + watched);
                reads.incrementAndGet();
                if (response.status() != 200 || !"RESOLVED".equals(response.text("status"))) {
                    failures.incrementAndGet();
                }
            }
        });
        reader.start();
        assertThat(Api.as(port, "admin").post("/api/admin/projections/petition-view/rebuild", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(projection("petition-view").path("lastRun").path("state").asText()));
        reading.set(false);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(failures.get()).isZero();
        assertThat(Verifications.status(port, "inspector", "petition-view")).isEqualTo("MATCH");
        assertThat(Api.as(port, "admin").post("/api/admin/projections/nothing/rebuild", "").status()).isEqualTo(404);
    }

    @Test
    void a_rebuilt_session_view_keeps_its_rows_indexes_and_foreign_key() {
        Api officer = Api.as(port, "officer");
        Api.Response opened = officer.post("/api/sessions", Map.of("heldOn", "2016-03-10", "kind", "PERIODIC",
                "host", "Chủ tịch UBND thị trấn", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String session = opened.text("id");
        for (int people = 1; people <= 3; people++) {
            Api.Response logged = officer.post("/api/sessions/" + session + "/visits", Map.of("people", people,
                    "group", false, "repeat", false, "kind", "RECOMMENDATION", "summary", "Kiến nghị", "outcome",
                    "EXPLAINED"));
            assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        }
        assertThat(officer.post("/api/sessions/" + session + "/closing", "").status()).isEqualTo(200);
        List<String> indexesBefore = indexes();

        assertThat(Api.as(port, "admin").post("/api/admin/projections/session-view/rebuild", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(projection("session-view").path("lastRun").path("state").asText()));

        Api.Response read = officer.get("/api/sessions/" + session);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("closed").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM reception_visit WHERE session_id = :id").param("id", session)
                .query(Long.class).single()).isEqualTo(3);
        // Built unlogged and without its secondary indexes, the copy is swapped in as the live table was.
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(jdbc.sql("SELECT relpersistence FROM pg_class WHERE oid = 'public.reception_visit'::regclass")
                .query(String.class).single()).isEqualTo("p");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_constraint
                         WHERE contype = 'f' AND conrelid = 'public.reception_visit'::regclass
                           AND confrelid = 'public.reception_session'::regclass
                        """).query(Long.class).single()).isEqualTo(1);
        assertThat(Verifications.status(port, "inspector", "session-view")).isEqualTo("MATCH");
    }

    @Test
    void while_a_rebuild_runs_neither_another_rebuild_nor_a_verification_of_its_projection_starts() throws Exception {
        // A long read holds the live session tables: the rebuild's swap waits for it.
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> readOnly.execute(status -> {
            long sessions = jdbc.sql("SELECT count(*) FROM reception_session").query(Long.class).single();
            reading.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sessions;
        }));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        Api admin = Api.as(port, "admin");
        try {
            assertThat(admin.post("/api/admin/projections/session-view/rebuild", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                             WHERE wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE public.reception_session%'""")
                    .query(Long.class).single() > 0);
            Api.Response verification = Api.as(port, "inspector")
                    .post("/api/admin/projections/session-view/verification", "");
            assertThat(verification.status()).as(verification.toString()).isEqualTo(409);
            assertThat(verification.text("rule")).isEqualTo("REBUILD_RUNNING");
            JsonNode running = verification.json().path("running");
            assertThat(running.path("state").asText()).as("the run under way").isEqualTo("RUNNING");
            assertThat(running.path("kind").asText()).isEqualTo("REBUILD");
            assertThat(running.path("instance").asText()).isNotBlank();
            assertThat(admin.post("/api/admin/projections/session-view/rebuild", "").status()).isEqualTo(409);
            assertThat(admin.get("/api/admin/projections/session-view/rebuild").text("state")).isEqualTo("RUNNING");
        } finally {
            release.countDown();
        }
        assertThat(read).succeedsWithin(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(admin.get("/api/admin/projections/session-view/rebuild").text("state")));
        assertThat(Verifications.status(port, "inspector", "session-view")).isEqualTo("MATCH");
    }

    /** The indexes of the session view's tables: their names and definitions without the schema. */
    private List<String> indexes() {
        return jdbc.sql("""
                        SELECT tablename || ' ' || replace(indexdef, 'public.', '') FROM pg_indexes
                         WHERE schemaname = 'public' AND tablename IN ('reception_session', 'reception_visit')
                         ORDER BY 1
                        """).query(String.class).list();
    }

    @Test
    void a_poison_event_is_parked_in_the_dead_letter_queue_and_shown(CapturedOutput output) {
        String payload = """
                {"petitionId":"%s","reference":"2015-9999","receivedOn":"2015-02-02","channel":"POST","kind":null,
                 "field":"x","summary":"x","petitioners":[{"fullName":"Bí Mật","address":null,
                 "idNumber":"012345678901","phone":null}],"ward":null,"sessionId":null,
                 "handlingDueOn":"2015-02-12","deadlineRules":"VN-2019"}""";
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO domainevententry (event_identifier, meta_data, payload, payload_type, time_stamp,
                    aggregate_identifier, sequence_number, type)
                VALUES (:eventId, :meta, :payload, 'vn.commune.petition.domain.petition.PetitionReceived', :at,
                    :id, 0, 'Petition')""")
                .param("eventId", UUID.randomUUID().toString())
                .param("meta", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", payload.formatted(id).getBytes(StandardCharsets.UTF_8))
                .param("at", Instant.now().toString())
                .param("id", id)
                .update();
        Api admin = Api.as(port, "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/dead-letters").json().size() == 1);
        JsonNode parked = admin.get("/api/admin/dead-letters").json().get(0);
        assertThat(parked.path("processingGroup").asText()).isEqualTo("counts");
        assertThat(parked.path("payloadType").asText()).endsWith("PetitionReceived");
        assertThat(parked.path("causeType").asText()).isNotBlank();

        JsonNode retried = admin.post("/api/admin/dead-letters/counts/retry", "").json();
        assertThat(retried.path("parkedNow").asLong()).as("still poison").isEqualTo(1);
        // The counts go on with the next events.
        Api.as(port, "officer").post("/api/petitions", Api.petition("2015-02-05", "FEEDBACK", "Điện"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(port, "inspector")
                .get("/api/counts?from=2015-02-01&to=2015-02-28").json().path("received").asLong() == 1);
        assertThat(List.of(admin.get("/api/admin/dead-letters").status())).containsExactly(200);

        // A rebuild in SQL fails on it, and its log names the failure, not the row's personal data
        // (PostgreSQL's "Failing row contains (…)" detail is kept out of exceptions and logs).
        assertThat(admin.post("/api/admin/projections/petition-view/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"RUNNING".equals(admin.get("/api/admin/projections/petition-view/rebuild").text("state")));
        assertThat(admin.get("/api/admin/projections/petition-view/rebuild").text("state")).isEqualTo("FAILED");
        assertThat(output.getAll()).contains("Rebuild of projection petition-view failed")
                .doesNotContain("Bí Mật").doesNotContain("012345678901");
    }
}
