package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** A whole Thursday session through the API, in April 2019 (a month no other test uses). */
@PetitionServiceTest
class ReceptionSessionJourneyTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> visit(int people, boolean group, Integer representatives, String outcome) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("people", people);
        visit.put("group", group);
        if (representatives != null) {
            visit.put("representatives", representatives);
        }
        visit.put("repeat", false);
        visit.put("kind", "RECOMMENDATION");
        visit.put("summary", "Kiến nghị về ô nhiễm tiếng ồn");
        visit.put("outcome", outcome);
        return visit;
    }

    @Test
    void an_officer_runs_a_thursday_session_and_its_petition_shows_in_the_session_counts_and_schedule() {
        Api officer = Api.as(port, "officer");
        Api.Response opened = officer.post("/api/sessions", Map.of("heldOn", "2019-04-11", "kind", "PERIODIC",
                "host", "Chủ tịch UBND thị trấn", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String session = opened.text("id");
        assertThat(opened.header("Location")).isEqualTo("/api/sessions/" + session);

        Map<String, Object> withPetition = visit(1, false, null, "PETITION_RECEIVED");
        withPetition.put("petition", Map.of("kind", "RECOMMENDATION", "field", "Môi trường",
                "summary", "Xưởng mộc gây ồn sau 22 giờ",
                "petitioners", List.of(Map.of("fullName", "Lý Thị Mai", "address", "Khu 2")), "ward", "Khu 2"));
        Api.Response logged = officer.post("/api/sessions/" + session + "/visits", withPetition);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        JsonNode petition = logged.json().path("petition");
        assertThat(petition.path("channel").asText()).isEqualTo("RECEPTION_SESSION");
        assertThat(petition.path("sessionId").asText()).isEqualTo(session);
        assertThat(petition.path("receivedOn").asText()).isEqualTo("2019-04-11");
        assertThat(petition.path("reference").asText()).startsWith("2019-");
        assertThat(logged.json().path("visit").path("petitionId").asText()).isEqualTo(petition.path("id").asText());
        assertThat(logged.json().path("visit").path("number").asInt()).isEqualTo(1);

        assertThat(officer.post("/api/sessions/" + session + "/visits", visit(7, true, 2, "GUIDED")).status())
                .isEqualTo(201);
        Map<String, Object> refused = visit(1, false, null, "REFUSED");
        refused.put("legalGround", "THREATENING_OR_DISORDERLY");
        assertThat(officer.post("/api/sessions/" + session + "/visits", refused).status()).isEqualTo(201);

        Api.Response closed = officer.post("/api/sessions/" + session + "/closing", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("closed").asBoolean()).isTrue();
        Api.Response late = officer.post("/api/sessions/" + session + "/visits", visit(1, false, null, "EXPLAINED"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("rule").asText()).isEqualTo("SESSION_CLOSED");

        JsonNode read = Api.as(port, "inspector").get("/api/sessions/" + session).json();
        assertThat(read.path("visits")).hasSize(3);
        assertThat(read.path("visits").get(0).path("petitionId").asText()).isEqualTo(petition.path("id").asText());
        assertThat(Api.as(port, "inspector").get("/api/sessions?from=2019-04-01&to=2019-04-30").json()).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = Api.as(port, "inspector").get("/api/counts?from=2019-04-01&to=2019-04-30").json();
            assertThat(counts.path("received").asLong()).isEqualTo(1);
            assertThat(counts.path("byChannel").path("RECEPTION_SESSION").asLong()).isEqualTo(1);
            assertThat(counts.path("sessions").asLong()).isEqualTo(1);
            assertThat(counts.path("visits").asLong()).isEqualTo(3);
            assertThat(counts.path("people").asLong()).isEqualTo(9);
            assertThat(counts.path("groupDelegations").asLong()).isEqualTo(1);
        });

        JsonNode schedule = Api.as(port, "inspector").get("/api/sessions/schedule?from=2019-04-01&to=2019-04-30").json();
        assertThat(schedule.path("days").findValuesAsText("day"))
                .containsExactly("2019-04-04", "2019-04-11", "2019-04-18", "2019-04-25");
        assertThat(schedule.path("days").findValuesAsText("status")).containsExactly("MISSED", "HELD", "MISSED", "MISSED");
    }

    @Test
    void a_scheduled_thursday_that_is_a_public_holiday_is_not_missed() {
        JsonNode schedule = Api.as(port, "officer").get("/api/sessions/schedule?from=2024-04-15&to=2024-04-21")
                .json().path("days");
        assertThat(schedule).hasSize(1);
        assertThat(schedule.get(0).path("day").asText()).isEqualTo("2024-04-18");
        assertThat(schedule.get(0).path("status").asText()).isEqualTo("HOLIDAY");
    }

    @Test
    void a_visit_that_breaks_a_rule_writes_neither_the_visit_nor_its_petition() {
        Api officer = Api.as(port, "officer");
        String session = officer.post("/api/sessions", Map.of("heldOn", "2019-05-09", "kind", "REGULAR",
                "host", "Cán bộ tiếp dân", "hostedInPerson", false)).text("id");
        Map<String, Object> tooSmall = visit(3, true, 1, "PETITION_RECEIVED");
        tooSmall.put("petition", Map.of("kind", "COMPLAINT", "field", "Đất đai", "summary", "x",
                "petitioners", List.of()));
        Api.Response refused = officer.post("/api/sessions/" + session + "/visits", tooSmall);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("rule").asText()).isEqualTo("GROUP_TOO_SMALL");
        assertThat(Api.as(port, "inspector").get("/api/petitions?from=2019-05-09&to=2019-05-09").json()
                .path("total").asLong()).isZero();
        assertThat(officer.get("/api/sessions/" + session).json().path("visits")).isEmpty();

        Map<String, Object> missingPetition = visit(1, false, null, "PETITION_RECEIVED");
        Api.Response invalid = officer.post("/api/sessions/" + session + "/visits", missingPetition);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(Api.as(port, "inspector").post("/api/sessions", Map.of("heldOn", "2019-05-09", "kind", "REGULAR",
                "host", "x", "hostedInPerson", false)).status()).isEqualTo(403);
    }
}
