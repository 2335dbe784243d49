package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** An inspector replays a petition as of any date, as known at any moment, and sees what was typed late. */
@PetitionServiceTest
class InspectorReplayTest {

    @LocalServerPort
    int port;

    @Test
    void a_petition_as_of_a_business_date_and_as_known_at_an_instant() throws Exception {
        Api officer = Api.as(port, "officer");
        Api chair = Api.as(port, "chair");
        Api inspector = Api.as(port, "inspector");
        String id = officer.post("/api/petitions", Api.petition("2016-03-03", "RECOMMENDATION", "Đất đai")).text("id");
        assertThat(chair.post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2016-03-04")).status())
                .isEqualTo(200);
        Thread.sleep(20);
        Instant beforeTheAnswerWasTyped = Instant.now();
        Thread.sleep(20);
        assertThat(chair.post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2016-03-20", "documentNumber", "4/UBND", "summary", "Trả lời")).status())
                .isEqualTo(200);

        JsonNode onTenth = inspector.get("/api/petitions/" + id + "?asOf=2016-03-10").json();
        assertThat(onTenth.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(onTenth.path("closedOn").isNull()).isTrue();
        assertThat(onTenth.path("version").asLong()).isEqualTo(1);
        assertThat(onTenth.path("steps")).hasSize(2);
        assertThat(inspector.get("/api/petitions/" + id + "?asOf=2016-03-02").status()).isEqualTo(404);
        assertThat(inspector.get("/api/petitions/" + id + "?asOf=2016-03-31").json().path("status").asText())
                .isEqualTo("RESOLVED");

        JsonNode known = inspector.get("/api/petitions/" + id + "?knownAt=" + beforeTheAnswerWasTyped).json();
        assertThat(known.path("status").asText()).as("the answer had not been typed in yet").isEqualTo("ACCEPTED");
        assertThat(inspector.get("/api/petitions/" + id).json().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(inspector.get("/api/petitions/" + id + "?knownAt=not-a-time").status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = inspector.get("/api/counts?from=2016-03-01&to=2016-03-31&knownAt="
                    + beforeTheAnswerWasTyped).json();
            assertThat(counts.path("resolved").asLong()).isEqualTo(1);
            assertThat(counts.path("knownAt").asText()).isNotBlank();
            assertThat(counts.path("asKnownAt").path("received").asLong()).isEqualTo(1);
            assertThat(counts.path("asKnownAt").path("resolved").asLong()).isZero();
            assertThat(counts.path("asKnownAt").path("openAtEnd").asLong()).isGreaterThanOrEqualTo(1);
        });
        assertThat(inspector.get("/api/counts?from=2016-03-01&to=2016-03-31").json().has("asKnownAt")).isFalse();
    }

    @Test
    void the_history_marks_steps_typed_in_long_after_they_happened_and_who_typed_them() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String id = Api.as(port, "officer").post("/api/petitions", Api.petition(today, "FEEDBACK", "Môi trường"))
                .text("id");
        String old = Api.as(port, "officer").post("/api/petitions", Api.petition("2016-04-07", "FEEDBACK", "Điện"))
                .text("id");
        JsonNode fresh = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json().path("events").get(0);
        assertThat(fresh.path("backdated").asBoolean()).isFalse();
        assertThat(fresh.path("recordedDaysLater").asLong()).isZero();
        assertThat(fresh.path("recordedBy").asText()).isEqualTo("officer");
        JsonNode late = Api.as(port, "inspector").get("/api/petitions/" + old + "/history").json().path("events").get(0);
        assertThat(late.path("backdated").asBoolean()).isTrue();
        assertThat(late.path("recordedDaysLater").asLong()).isGreaterThan(7);
    }
}
