package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
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

    @LocalServerPort
    int port;

    @Test
    void the_first_half_of_2024_counts_eleven_received_nine_resolved_two_escalated_none_open() {
        List<String> ids = TownFirstHalf2024.replay(port);

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

}
