package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * A complaint under Luật 136/2025/QH15 (in force 1 July 2026), through HTTP: suspended and resumed,
 * its deadline moved by the days suspended; terminated; withdrawn in part; and the same steps dated in
 * June 2026 refused by rule. Counts are compared before and after, so other tests' petitions do not matter.
 */
@PetitionServiceTest
class Law136JourneyTest {

    private static final String NOVEMBER = "from=2026-11-01&to=2026-11-30";

    @LocalServerPort
    int port;

    private String complaint(String receivedOn, String acceptedOn) {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition(receivedOn, "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        step("chair", id, "acceptance", Map.of("acceptedOn", acceptedOn));
        return id;
    }

    private JsonNode step(String user, String id, String step, Map<String, Object> body) {
        Api.Response response = Api.as(port, user).post("/api/petitions/" + id + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        return response.json();
    }

    private void refused(String user, String id, String step, Map<String, Object> body, int status, String rule) {
        long before = Api.as(port, "inspector").get("/api/petitions/" + id).json().path("version").asLong();
        Api.Response response = Api.as(port, user).post("/api/petitions/" + id + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(response.json().path("rule").asText()).as(response.toString()).isEqualTo(rule);
        }
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + id).json().path("version").asLong())
                .as("nothing written").isEqualTo(before);
    }

    private JsonNode counts(String period) {
        return Api.as(port, "inspector").get("/api/counts?" + period).json();
    }

    private void awaitCounts() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode projection : Api.as(port, "admin").get("/api/admin/projections").json()) {
                if (projection.path("name").asText().equals("counts")) {
                    return projection.path("position").asLong(-1) >= projection.path("head").asLong();
                }
            }
            return false;
        });
    }

    private static long delta(JsonNode after, JsonNode before, String figure) {
        return after.path(figure).asLong() - before.path(figure).asLong();
    }

    @Test
    void suspended_ten_days_and_resumed_a_complaint_falls_due_ten_days_later_and_is_judged_against_that_date() {
        awaitCounts();
        JsonNode before = counts(NOVEMBER);
        Map<String, String> answeredOn = new LinkedHashMap<>();
        answeredOn.put("early", "2026-11-13");
        answeredOn.put("on time", "2026-11-16");
        answeredOn.put("late", "2026-11-17");
        for (Map.Entry<String, String> answer : answeredOn.entrySet()) {
            String id = complaint("2026-10-06", "2026-10-07");
            assertThat(Api.officer(port).get("/api/petitions/" + id).json().path("dueOn").asText())
                    .as("thirty days from acceptance").isEqualTo("2026-11-06");

            JsonNode suspended = step("chair", id, "suspension",
                    Map.of("suspendedOn", "2026-10-12", "reason", "Chờ kết quả giám định"));
            assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(suspended.path("closedOn").isNull()).as("still open").isTrue();
            refused("chair", id, "written-answer", Map.of("answeredOn", "2026-10-15", "documentNumber", "1/QĐ-UBND",
                    "summary", "x"), 409, "RESOLUTION_SUSPENDED");
            assertThat(Api.officer(port).get("/api/petitions/overdue?asOf=2026-11-10").json().path("items")
                    .findValuesAsText("id")).as("a suspended complaint is not overdue").doesNotContain(id);

            JsonNode resumed = step("chair", id, "resumption", Map.of("resumedOn", "2026-10-22"));
            assertThat(resumed.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(resumed.path("dueOn").asText()).as("moved by the ten days suspended").isEqualTo("2026-11-16");

            JsonNode answered = step("chair", id, "written-answer", Map.of("answeredOn", answer.getValue(),
                    "documentNumber", "12/QĐ-UBND", "summary", "Giải quyết khiếu nại"));
            assertThat(answered.path("timeliness").asText()).as(answer.getKey())
                    .isEqualTo(answer.getKey().toUpperCase().replace(' ', '_'));
            JsonNode history = Api.chair(port).get("/api/petitions/" + id + "/history").json();
            assertThat(history.toString()).contains("ResolutionSuspended", "ResolutionResumed", "\"daysSuspended\":10");
        }
        awaitCounts();
        JsonNode after = counts(NOVEMBER);
        assertThat(delta(after, before, "resolved")).isEqualTo(3);
        assertThat(delta(after, before, "closedEarly")).isEqualTo(1);
        assertThat(delta(after, before, "closedOnTime")).isEqualTo(1);
        assertThat(delta(after, before, "closedLate")).as("without the suspension all three would be late").isEqualTo(1);
    }

    @Test
    void a_terminated_complaint_closes_as_terminated_and_is_counted_so() {
        awaitCounts();
        JsonNode before = counts("from=2026-10-01&to=2026-10-31");
        String id = complaint("2026-10-06", "2026-10-07");
        step("chair", id, "suspension", Map.of("suspendedOn", "2026-10-12", "reason", "Chờ giám định"));
        refused("officer", id, "termination", Map.of("terminatedOn", "2026-10-13", "legalGround", "Đ11a"), 403, null);
        JsonNode terminated = step("chair", id, "termination",
                Map.of("terminatedOn", "2026-10-13", "legalGround", "Người khiếu nại chết (Điều 11a)"));
        assertThat(terminated.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.path("closedOn").asText()).isEqualTo("2026-10-13");
        refused("chair", id, "resumption", Map.of("resumedOn", "2026-10-14"), 409, "PETITION_CLOSED");
        awaitCounts();
        JsonNode after = counts("from=2026-10-01&to=2026-10-31");
        assertThat(delta(after, before, "terminated")).isEqualTo(1);
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + id + "?asOf=2026-10-12").json().path("status").asText())
                .as("as it stood while suspended").isEqualTo("SUSPENDED");
    }

    @Test
    void a_partial_withdrawal_leaves_the_complaint_open_and_a_withdrawn_part_is_not_reopened() {
        String id = complaint("2026-10-06", "2026-10-07");
        JsonNode view = step("officer", id, "partial-withdrawal", Map.of("withdrawnOn", "2026-10-09",
                "content", "Yêu cầu bồi thường thiệt hại", "reason", "Đã được hỗ trợ"));
        assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.path("steps").findValuesAsText("type")).endsWith("PartWithdrawn");
        refused("officer", id, "partial-withdrawal", Map.of("withdrawnOn", "2026-10-10",
                "content", "yêu cầu bồi thường  thiệt hại"), 409, "PART_ALREADY_WITHDRAWN");
        assertThat(step("chair", id, "written-answer", Map.of("answeredOn", "2026-10-20", "documentNumber",
                "13/QĐ-UBND", "summary", "Giải quyết phần còn lại")).path("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void the_same_steps_dated_in_june_2026_are_refused_by_rule_and_only_complaints_take_them() {
        String june = complaint("2026-06-01", "2026-06-02");
        refused("chair", june, "suspension", Map.of("suspendedOn", "2026-06-15", "reason", "x"), 409, "NOT_YET_IN_FORCE");
        refused("chair", june, "termination", Map.of("terminatedOn", "2026-06-15", "legalGround", "x"), 409,
                "NOT_YET_IN_FORCE");
        refused("officer", june, "partial-withdrawal", Map.of("withdrawnOn", "2026-06-15", "content", "x"), 409,
                "NOT_YET_IN_FORCE");
        // The same complaint, on 1 July 2026, may be suspended.
        assertThat(step("chair", june, "suspension", Map.of("suspendedOn", "2026-07-01", "reason", "Chờ giám định"))
                .path("status").asText()).isEqualTo("SUSPENDED");

        Api.Response denunciation = Api.officer(port).post("/api/petitions",
                Api.petition("2026-10-06", "DENUNCIATION", "Đất đai"));
        String id = denunciation.text("id");
        step("chair", id, "acceptance", Map.of("acceptedOn", "2026-10-07"));
        refused("chair", id, "suspension", Map.of("suspendedOn", "2026-10-12", "reason", "x"), 409, "COMPLAINTS_ONLY");
        refused("officer", id, "suspension", Map.of("suspendedOn", "2026-10-12", "reason", "x"), 403, null);
        refused("chair", id, "suspension", Map.of("suspendedOn", "2026-10-12"), 400, null);
    }

    @Test
    void an_escalation_since_july_2025_names_a_level_that_exists_and_a_2024_one_may_name_a_district() {
        String id = complaint("2026-10-06", "2026-10-07");
        refused("chair", id, "escalation", Map.of("escalatedOn", "2026-10-20", "to", "UBND huyện", "reason", "x"),
                409, "ESCALATION_LEVEL_REQUIRED");
        refused("chair", id, "escalation", Map.of("escalatedOn", "2026-10-20", "level", "DISTRICT", "to", "UBND huyện",
                "reason", "x"), 409, "ESCALATION_LEVEL_REQUIRED");
        refused("chair", id, "escalation", Map.of("escalatedOn", "2026-10-20", "level", "HAMLET", "to", "x",
                "reason", "x"), 400, null);
        step("chair", id, "escalation", Map.of("escalatedOn", "2026-10-20", "level", "PROVINCIAL_CHAIR",
                "to", "Chủ tịch UBND tỉnh", "reason", "Khiếu nại lần hai"));
        assertThat(Api.chair(port).get("/api/petitions/" + id + "/history").json().toString())
                .contains("\"level\":\"PROVINCIAL_CHAIR\"");

        String old = complaint("2024-03-04", "2024-03-05");
        assertThat(step("chair", old, "escalation", Map.of("escalatedOn", "2024-03-20", "to", "UBND huyện",
                "reason", "Hòa giải không thành")).path("status").asText()).isEqualTo("ESCALATED");
    }
}
