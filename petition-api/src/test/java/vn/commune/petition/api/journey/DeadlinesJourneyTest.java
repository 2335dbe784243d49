package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The chair sees, for any date, what is overdue and how each closed petition did. Its own context:
 * overdue counts take in every earlier open petition, so the database must hold only these.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=deadlines")
class DeadlinesJourneyTest {

    @LocalServerPort
    int port;

    private JsonNode post(String user, String path, Object body) {
        Api.Response response = Api.as(port, user).post(path, body);
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }

    @Test
    void deadlines_overdue_petitions_and_timeliness_are_visible_for_any_date() {
        // A complaint received Monday 3 December 2018: 10 days is Thursday 13 December.
        JsonNode complaint = post("officer", "/api/petitions", Api.petition("2018-12-03", "COMPLAINT", "Đất đai"));
        assertThat(complaint.path("handlingDueOn").asText()).isEqualTo("2018-12-13");
        assertThat(complaint.path("dueOn").asText()).isEqualTo("2018-12-13");
        String late = complaint.path("id").asText();

        // A feedback received the same day, answered early.
        String early = post("officer", "/api/petitions", Api.petition("2018-12-03", "FEEDBACK", "Điện")).path("id")
                .asText();
        JsonNode accepted = post("chair", "/api/petitions/" + early + "/acceptance", Map.of("acceptedOn", "2018-12-04"));
        assertThat(accepted.path("dueOn").asText()).isEqualTo("2019-01-03");
        JsonNode answered = post("chair", "/api/petitions/" + early + "/written-answer",
                Map.of("answeredOn", "2018-12-10", "documentNumber", "9/UBND", "summary", "Trả lời"));
        assertThat(answered.path("timeliness").asText()).isEqualTo("EARLY");

        Api chair = Api.as(port, "chair");
        JsonNode onTheDay = chair.get("/api/petitions/" + late + "?asOf=2018-12-13").json();
        assertThat(onTheDay.path("overdue").asBoolean()).isFalse();
        JsonNode dayAfter = chair.get("/api/petitions/" + late + "?asOf=2018-12-14").json();
        assertThat(dayAfter.path("overdue").asBoolean()).isTrue();

        JsonNode overdue = chair.get("/api/petitions/overdue?asOf=2018-12-20").json();
        assertThat(overdue.path("asOf").asText()).isEqualTo("2018-12-20");
        assertThat(overdue.path("items").findValuesAsText("id")).contains(late).doesNotContain(early);
        JsonNode item = overdue.path("items").get(overdue.path("items").findValuesAsText("id").indexOf(late));
        assertThat(item.path("daysLate").asLong()).isEqualTo(7);
        assertThat(item.path("workingDaysLate").asInt()).isEqualTo(5);
        assertThat(chair.get("/api/petitions/overdue?asOf=2018-12-13").json().path("items").findValuesAsText("id"))
                .doesNotContain(late);
        // A page at a time: a page of one holds one, the total counts them all, the pages in turn hold each once.
        long total = overdue.path("total").asLong();
        assertThat(total).isEqualTo(overdue.path("items").size()).isPositive();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page <= total; page++) {
            JsonNode one = chair.get("/api/petitions/overdue?asOf=2018-12-20&size=1&page=" + page).json();
            assertThat(one.path("total").asLong()).isEqualTo(total);
            assertThat(one.path("items").size()).isEqualTo(page < total ? 1 : 0);
            paged.addAll(one.path("items").findValuesAsText("id"));
        }
        assertThat(paged).isEqualTo(overdue.path("items").findValuesAsText("id"));
        assertThat(chair.get("/api/petitions/overdue?size=1001").status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = chair.get("/api/counts?from=2018-12-01&to=2018-12-31").json();
            assertThat(counts.path("closedEarly").asLong()).isEqualTo(1);
            assertThat(counts.path("closedOnTime").asLong()).isZero();
            assertThat(counts.path("closedLate").asLong()).isZero();
            assertThat(counts.path("overdueAtEnd").asLong()).isEqualTo(1);
        });

        // Accepted after its handling deadline, on 17 December: acceptance sets the 30-day resolution
        // deadline, which governs from then on; answered on its last day, it closes on time.
        post("chair", "/api/petitions/" + late + "/acceptance", Map.of("acceptedOn", "2018-12-17"));
        JsonNode resolved = post("chair", "/api/petitions/" + late + "/written-answer",
                Map.of("answeredOn", "2019-01-16", "documentNumber", "3/UBND", "summary", "Giải quyết khiếu nại"));
        assertThat(resolved.path("dueOn").asText()).isEqualTo("2019-01-16");
        assertThat(resolved.path("timeliness").asText()).isEqualTo("ON_TIME");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                chair.get("/api/counts?from=2019-01-01&to=2019-01-31").json().path("closedOnTime").asLong())
                .isEqualTo(1));
    }
}
