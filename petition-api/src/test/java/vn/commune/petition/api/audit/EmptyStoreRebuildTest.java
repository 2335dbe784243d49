package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** A commune's first day: every projection can be rebuilt and verified before any event is stored. */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=empty-store")
class EmptyStoreRebuildTest {

    @LocalServerPort
    int port;

    @Test
    void every_projection_is_rebuilt_and_verified_on_an_empty_event_store() {
        Api admin = Api.as(port, "admin");
        for (String projection : new String[] {"counts", "petition-view", "session-view"}) {
            assertThat(admin.post("/api/admin/projections/" + projection + "/rebuild", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    !"RUNNING".equals(admin.get("/api/admin/projections/" + projection + "/rebuild").text("state")));
            assertThat(admin.get("/api/admin/projections/" + projection + "/rebuild").text("state"))
                    .as(projection).isEqualTo("DONE");
            assertThat(Verifications.status(port, "admin", projection))
                    .as(projection).isEqualTo("MATCH");
        }
    }
}
