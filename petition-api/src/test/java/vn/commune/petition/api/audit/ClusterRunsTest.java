package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Another instance of the service on the same database, seen from this one: its run of a projection
 * refuses ours and shows through our endpoints; once it has died (its heartbeat stopped), its run shows
 * as abandoned, ours claims over it, and what it left behind is dropped. Its own database, since it
 * counts the runs and schemas.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=cluster-runs")
class ClusterRunsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_run_of_another_instance_refuses_ours_until_its_heartbeat_stops() {
        Api admin = Api.as(port, "admin");
        long other = jdbc.sql("""
                        INSERT INTO projection_run (projection, kind, method, state, instance, events_total,
                                                    events_done, started_at, heartbeat_at)
                        VALUES ('session-view', 'REBUILD', 'HANDLERS', 'RUNNING', 'instance-elsewhere', 900, 300,
                                :at, :at)
                        RETURNING id""")
                .param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .query(Long.class).single();
        jdbc.sql("CREATE SCHEMA rebuild_session_view_" + other).update();

        Api.Response refused = admin.post("/api/admin/projections/session-view/rebuild", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("rule")).isEqualTo("REBUILD_RUNNING");
        JsonNode running = refused.json().path("running");
        assertThat(running.path("id").asLong()).isEqualTo(other);
        assertThat(running.path("instance").asText()).isEqualTo("instance-elsewhere");
        assertThat(running.path("eventsDone").asLong()).isEqualTo(300);
        assertThat(Api.as(port, "inspector").post("/api/admin/projections/session-view/verification", "").status())
                .isEqualTo(409);
        JsonNode shown = admin.get("/api/admin/projections/session-view/rebuild").json();
        assertThat(shown.path("instance").asText()).isEqualTo("instance-elsewhere");
        assertThat(shown.path("state").asText()).isEqualTo("RUNNING");
        assertThat(shown.path("eventsTotal").asLong()).isEqualTo(900);

        // The other instance is killed: its heartbeat is left behind the timeout (30 s).
        jdbc.sql("UPDATE projection_run SET heartbeat_at = heartbeat_at - interval '31 seconds' WHERE id = :id")
                .param("id", other).update();
        assertThat(admin.get("/api/admin/projections/session-view/rebuild").text("state")).isEqualTo("ABANDONED");
        Api.Response claimed = admin.post("/api/admin/projections/session-view/rebuild", "");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(202);
        assertThat(claimed.json().path("id").asLong()).isNotEqualTo(other);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(admin.get("/api/admin/projections/session-view/rebuild").text("state")));
        assertThat(jdbc.sql("SELECT state FROM projection_run WHERE id = :id").param("id", other)
                .query(String.class).single()).isEqualTo("ABANDONED");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild_session_view_%'")
                .query(Long.class).single()).as("the dead run's copy dropped, ours swapped in").isZero();
    }
}
