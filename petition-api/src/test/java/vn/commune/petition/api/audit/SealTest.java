package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * A seal pins the past: deleting the last event of a petition together with its hash leaves its
 * chain whole, but not the seal. Its own database, since it tampers with it.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=audit-seal", "petition.audit.settle=PT0S"})
class SealTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_removed_event_with_its_hash_passes_its_chain_but_breaks_the_seal() throws Exception {
        Api officer = Api.as(port, "officer");
        String id = officer.post("/api/petitions", Api.petition("2024-03-07", "FEEDBACK", "Điện")).text("id");
        assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2024-03-08")).status()).isEqualTo(200);
        officer.post("/api/petitions", Api.petition("2024-03-07", "FEEDBACK", "Nước"));

        Api inspector = Api.as(port, "inspector");
        Api.Response sealed = inspector.post("/api/audit/seals", "");
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        assertThat(sealed.json().path("eventCount").asLong()).isEqualTo(3);
        long sealId = sealed.json().path("id").asLong();
        Api.Response printable = inspector.with("Accept", "text/plain").get("/api/audit/seals/" + sealId);
        assertThat(printable.body()).contains("NIÊM PHONG").contains(sealed.json().path("merkleRoot").asText());
        JsonNode before = inspector.get("/api/audit/verification").json();
        assertThat(before.path("status").asText()).isEqualTo("OK");
        assertThat(before.path("sealsChecked").asLong()).isEqualTo(1);

        jdbc.sql("DELETE FROM event_hash WHERE aggregate_identifier = :id AND sequence_number = 1")
                .param("id", id).update();
        jdbc.sql("DELETE FROM domainevententry WHERE aggregate_identifier = :id AND sequence_number = 1")
                .param("id", id).update();
        assertThat(inspector.get("/api/petitions/" + id + "/verification").json().path("status").asText())
                .as("the chain alone cannot see a removed last event").isEqualTo("OK");
        JsonNode after = inspector.get("/api/audit/verification").json();
        assertThat(after.path("status").asText()).isEqualTo("BROKEN");
        assertThat(after.path("firstMismatch").path("problem").asText()).contains("seal " + sealId);

        assertThat(Api.as(port, "officer").post("/api/audit/seals", "").status()).isEqualTo(403);
        assertThat(Api.as(port, "officer").get("/api/audit/verification").status()).isEqualTo(403);
    }
}
