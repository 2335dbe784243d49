package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The town's first half of 2024, replayed through the API as its officers would have typed it:
 * 11 petitions received at Thursday sessions, 9 mediated successfully and answered in writing,
 * 2 mediations failed and escalated. Its own context, so the period holds nothing else.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=town-2024")
class TownFirstHalf2024JourneyTest {

    /** Thursdays of January to June 2024 on which a petition came in (18 April was a holiday). */
    private static final List<LocalDate> THURSDAYS = List.of(
            LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 18), LocalDate.of(2024, 2, 1),
            LocalDate.of(2024, 2, 22), LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 21),
            LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 25), LocalDate.of(2024, 5, 9),
            LocalDate.of(2024, 5, 23), LocalDate.of(2024, 6, 6));
    private static final List<String> NAMES = List.of("Nguyễn Văn Ánh", "Trần Thị Bích", "Lê Văn Cường",
            "Phạm Thị Dung", "Hoàng Văn Đức", "Vũ Thị Hằng", "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh",
            "Ngô Thị Nga", "Dương Văn Phúc");

    @LocalServerPort
    int port;

    @Test
    void the_first_half_of_2024_counts_eleven_received_nine_resolved_two_escalated_none_open() {
        Api officer = Api.as(port, "officer");
        Api chair = Api.as(port, "chair");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < THURSDAYS.size(); i++) {
            LocalDate on = THURSDAYS.get(i);
            boolean fails = i == 3 || i == 8;
            Api.Response received = officer.post("/api/petitions", Map.of(
                    "receivedOn", on.toString(),
                    "channel", "RECEPTION_SESSION",
                    "kind", "RECOMMENDATION",
                    "field", "Đất đai",
                    "summary", "Đề nghị giải quyết tranh chấp ranh giới đất giữa các hộ liền kề",
                    "petitioners", List.of(Map.of("fullName", NAMES.get(i), "address", "Khu " + (i % 6 + 1))),
                    "ward", "Khu " + (i % 6 + 1)));
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            assertThat(received.text("reference")).isEqualTo(String.format("2024-%04d", i + 1));
            String id = received.text("id");
            ids.add(id);
            assertThat(received.header("Location")).isEqualTo("/api/petitions/" + id);

            step(chair, id, "acceptance", Map.of("acceptedOn", on.plusDays(1).toString()), "ACCEPTED");
            step(officer, id, "mediations", Map.of("heldOn", on.plusDays(7).toString(),
                    "outcome", fails ? "FAILED" : "SUCCEEDED", "minutesRef", "BB-HG-" + (i + 1)), "ACCEPTED");
            if (fails) {
                step(chair, id, "escalation", Map.of("escalatedOn", on.plusDays(8).toString(),
                        "to", "UBND huyện", "reason", "Hòa giải không thành"), "ESCALATED");
            } else {
                step(chair, id, "written-answer", Map.of("answeredOn", on.plusDays(8).toString(),
                        "documentNumber", (i + 10) + "/UBND-TCD", "summary", "Trả lời kết quả hòa giải thành"),
                        "RESOLVED");
            }
        }

        Api inspector = Api.as(port, "inspector");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = inspector.get("/api/counts?from=2024-01-01&to=2024-06-30").json();
            assertThat(counts.path("received").asLong()).isEqualTo(11);
            assertThat(counts.path("resolved").asLong()).isEqualTo(9);
            assertThat(counts.path("escalated").asLong()).isEqualTo(2);
            assertThat(counts.path("openAtEnd").asLong()).isZero();
        });
        JsonNode counts = inspector.get("/api/counts?from=2024-01-01&to=2024-06-30").json();
        assertThat(counts.path("carriedOver").asLong()).isZero();
        assertThat(counts.path("accepted").asLong()).isEqualTo(11);
        assertThat(counts.path("mediationSucceeded").asLong()).isEqualTo(9);
        assertThat(counts.path("mediationFailed").asLong()).isEqualTo(2);
        assertThat(counts.path("forwarded").asLong()).isZero();
        assertThat(counts.path("withdrawn").asLong()).isZero();
        assertThat(counts.path("byKind").path("RECOMMENDATION").asLong()).isEqualTo(11);
        assertThat(counts.path("byField").path("Đất đai").asLong()).isEqualTo(11);
        assertThat(counts.path("byChannel").path("RECEPTION_SESSION").asLong()).isEqualTo(11);
        // Every one was closed within its 30-day deadline.
        assertThat(counts.path("closedEarly").asLong()).isEqualTo(11);
        assertThat(counts.path("overdueAtEnd").asLong()).isZero();

        // The first quarter alone: 6 received, 5 resolved and 1 escalated by 31 March.
        JsonNode quarter = inspector.get("/api/counts?from=2024-01-01&to=2024-03-31").json();
        assertThat(quarter.path("received").asLong()).isEqualTo(6);
        assertThat(quarter.path("escalated").asLong()).isEqualTo(1);
        assertThat(quarter.path("resolved").asLong()).isEqualTo(5);

        JsonNode history = inspector.get("/api/petitions/" + ids.get(3) + "/history").json();
        assertThat(history.path("petitionId").asText()).isEqualTo(ids.get(3));
        JsonNode events = history.path("events");
        assertThat(events).hasSize(4);
        assertThat(events.findValuesAsText("type"))
                .containsExactly("PetitionReceived", "PetitionAccepted", "MediationFailed", "PetitionEscalated");
        assertThat(events.findValuesAsText("recordedBy")).containsExactly("officer", "chair", "officer", "chair");
        assertThat(events.findValuesAsText("occurredOn"))
                .containsExactly("2024-02-22", "2024-02-23", "2024-02-29", "2024-03-01");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence").asLong()).isEqualTo(i);
            assertThat(events.get(i).path("recordedAt").asText()).isNotBlank();
        }
        assertThat(events.get(2).path("data").path("minutesRef").asText()).isEqualTo("BB-HG-4");
        assertThat(events.get(0).path("data").path("petitioners").get(0).path("fullName").asText())
                .isEqualTo("Phạm Thị Dung");

        JsonNode resolved = inspector.get("/api/petitions?status=RESOLVED&from=2024-01-01&to=2024-06-30&size=5").json();
        assertThat(resolved.path("total").asLong()).isEqualTo(9);
        assertThat(resolved.path("items")).hasSize(5);
        assertThat(resolved.path("items").get(0).path("receivedOn").asText()).isEqualTo("2024-06-06");
        JsonNode lastPage = inspector.get("/api/petitions?status=RESOLVED&from=2024-01-01&to=2024-06-30&size=5&page=1")
                .json();
        assertThat(lastPage.path("items")).hasSize(4);
    }

    private static void step(Api api, String id, String step, Map<String, Object> body, String status) {
        Api.Response response = api.post("/api/petitions/" + id + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo(status);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.json().path("version").asLong() + "\"");
    }
}
