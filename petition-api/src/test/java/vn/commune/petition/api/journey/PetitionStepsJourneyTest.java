package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** Every other step of the contract, each through HTTP, and the counts of a period of their own (March 2023). */
@PetitionServiceTest
class PetitionStepsJourneyTest {

    @LocalServerPort
    int port;

    private String receive(String on, String kind) {
        Api.Response response = Api.as(port, "officer").post("/api/petitions", Api.petition(on, kind, "Môi trường"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    private JsonNode step(String user, String id, String step, Map<String, Object> body) {
        Api.Response response = Api.as(port, user).post("/api/petitions/" + id + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.json().path("version").asLong() + "\"");
        return response.json();
    }

    @Test
    void forwarding_guidance_rejection_archival_and_withdrawal_close_a_petition_and_are_counted() {
        String forwarded = receive("2023-03-01", "FEEDBACK");
        JsonNode view = step("chair", forwarded, "forwarding",
                Map.of("forwardedOn", "2023-03-03", "to", "UBND huyện", "reason", "Ngoài thẩm quyền"));
        assertThat(view.path("status").asText()).isEqualTo("FORWARDED");
        assertThat(view.path("closedOn").asText()).isEqualTo("2023-03-03");
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("steps").findValuesAsText("type")).containsExactly("PetitionReceived", "PetitionForwarded");

        String guided = receive("2023-03-02", "COMPLAINT");
        assertThat(step("chair", guided, "guidance", Map.of("guidedOn", "2023-03-06", "to", "Tòa án nhân dân huyện"))
                .path("status").asText()).isEqualTo("GUIDED");

        String rejected = receive("2023-03-02", "COMPLAINT");
        assertThat(step("chair", rejected, "rejection",
                Map.of("rejectedOn", "2023-03-06", "legalGround", "Luật Khiếu nại Đ11.6")).path("status").asText())
                .isEqualTo("REJECTED");

        String archived = receive("2023-03-09", "DENUNCIATION");
        assertThat(step("chair", archived, "archival",
                Map.of("archivedOn", "2023-03-10", "reason", "Đơn trùng")).path("status").asText())
                .isEqualTo("ARCHIVED");

        String withdrawnEarly = receive("2023-03-09", "RECOMMENDATION");
        assertThat(step("officer", withdrawnEarly, "withdrawal", Map.of("withdrawnOn", "2023-03-13"))
                .path("status").asText()).isEqualTo("WITHDRAWN");

        String withdrawnLate = receive("2023-03-09", "RECOMMENDATION");
        step("chair", withdrawnLate, "acceptance", Map.of("acceptedOn", "2023-03-10"));
        step("officer", withdrawnLate, "dialogues", Map.of("heldOn", "2023-03-14", "minutesRef", "ĐT-1"));
        step("officer", withdrawnLate, "advisory-council", Map.of("heldOn", "2023-03-15"));
        JsonNode extended = step("chair", withdrawnLate, "extensions",
                Map.of("extendedOn", "2023-03-16", "days", 10, "reason", "Chờ kết quả đo đạc"));
        assertThat(extended.path("dueOn").asText()).isNotEqualTo(extended.path("handlingDueOn").asText());
        JsonNode withdrawn = step("officer", withdrawnLate, "withdrawal",
                Map.of("withdrawnOn", "2023-03-20", "reason", "Các bên tự thỏa thuận"));
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("version").asLong()).isEqualTo(5);
        assertThat(withdrawn.path("steps").findValuesAsText("type")).containsExactly("PetitionReceived",
                "PetitionAccepted", "DialogueHeld", "AdvisoryCouncilConsulted", "DeadlineExtended",
                "PetitionWithdrawn");
        assertThat(withdrawn.path("timeliness").asText()).isEqualTo("EARLY");

        Api inspector = Api.as(port, "inspector");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = inspector.get("/api/counts?from=2023-03-01&to=2023-03-31").json();
            assertThat(counts.path("received").asLong()).isEqualTo(6);
            assertThat(counts.path("forwarded").asLong()).isEqualTo(1);
            assertThat(counts.path("guided").asLong()).isEqualTo(1);
            assertThat(counts.path("rejected").asLong()).isEqualTo(1);
            assertThat(counts.path("archived").asLong()).isEqualTo(1);
            assertThat(counts.path("withdrawn").asLong()).isEqualTo(2);
            assertThat(counts.path("accepted").asLong()).isEqualTo(1);
        });
        // Seen from February 2023 nothing had happened yet. (openAtEnd and carriedOver take in every
        // earlier petition of the shared test database, so they are checked where a context is private.)
        JsonNode before = inspector.get("/api/counts?from=2023-02-01&to=2023-02-28").json();
        assertThat(before.path("received").asLong()).isZero();
        JsonNode march = inspector.get("/api/petitions?from=2023-03-01&to=2023-03-31").json();
        assertThat(march.path("total").asLong()).isEqualTo(6);
        assertThat(march.path("items").findValuesAsText("closedOn")).hasSize(6).doesNotContain("null", "");
    }

    @Test
    void a_petition_open_across_a_period_boundary_is_carried_over_and_open_at_the_end() {
        String id = receive("2023-05-25", "RECOMMENDATION");
        step("chair", id, "acceptance", Map.of("acceptedOn", "2023-05-26"));
        Api inspector = Api.as(port, "inspector");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode may = inspector.get("/api/counts?from=2023-05-25&to=2023-05-31").json();
            assertThat(may.path("openAtEnd").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode june = inspector.get("/api/counts?from=2023-06-01&to=2023-06-30").json();
            assertThat(june.path("carriedOver").asLong()).isGreaterThanOrEqualTo(1);
        });
        step("chair", id, "written-answer", Map.of("answeredOn", "2023-06-05", "documentNumber", "5/UBND",
                "summary", "Trả lời"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode june = inspector.get("/api/counts?from=2023-06-01&to=2023-06-30").json();
            assertThat(june.path("resolved").asLong()).isGreaterThanOrEqualTo(1);
        });
    }
}
