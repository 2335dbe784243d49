package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;

/** Every error is Problem Details with the right status, and nothing is written. Uses the year 2022. */
@PetitionServiceTest
class ErrorResponsesTest {

    @LocalServerPort
    int port;

    private static void problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
    }

    private static List<String> fields(Api.Response response) {
        return response.json().path("errors").findValuesAsText("field");
    }

    private String receive() {
        Api.Response response = Api.officer(port).post("/api/petitions", Api.petition("2022-03-03", "RECOMMENDATION",
                "Xây dựng"));
        assertThat(response.status()).isEqualTo(201);
        return response.text("id");
    }

    private long total() {
        return Api.as(port, "inspector").get("/api/petitions?from=2022-01-01&to=2022-12-31").json()
                .path("total").asLong();
    }

    @Test
    void a_body_with_many_problems_lists_every_invalid_field_and_writes_nothing() {
        long before = total();
        Api.Response response = Api.officer(port).post("/api/petitions", """
                {"receivedOn":"2022-02-30","channel":"FAX","kind":"GRIEVANCE","field":{"nested":true},"summary":"",
                 "petitioners":[{"fullName":"","address":"Khu 1","idNumber":"12AB"}],"colour":"red"}""");
        problem(response, 400);
        assertThat(fields(response)).contains("receivedOn", "channel", "kind", "field", "summary",
                "petitioners[0].fullName", "petitioners[0].idNumber", "colour");
        assertThat(response.json().path("errors").toString())
                .contains("is not one of: RECEPTION_SESSION")
                .contains("not a valid date");
        assertThat(total()).isEqualTo(before);
    }

    /**
     * An Accept that cannot be read does not keep a refusal from being Problem Details: here no handler
     * can be chosen (the figures' JSON and CSV handlers are told apart by Accept or ?format=csv).
     */
    @Test
    void a_refusal_with_an_unreadable_accept_is_still_problem_details() {
        RawHttp.Response response = RawHttp.request("GET", "/api/public/figures?from=2024-01-01&to=2024-06-30")
                .header("Accept", "garbage").send(port);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void missing_fields_are_each_named() {
        Api.Response response = Api.officer(port).post("/api/petitions", "{}");
        problem(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder("receivedOn", "channel", "kind", "field", "summary",
                "petitioners");
    }

    @Test
    void a_date_in_the_future_of_the_commune_is_refused() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        Api.Response response = Api.officer(port).post("/api/petitions", Api.petition(tomorrow, "COMPLAINT",
                "Đất đai"));
        problem(response, 400);
        assertThat(fields(response)).containsExactly("receivedOn");
    }

    @Test
    void malformed_json_an_empty_body_and_an_array_are_refused() {
        problem(Api.officer(port).post("/api/petitions", "{\"receivedOn\": "), 400);
        problem(Api.officer(port).post("/api/petitions", ""), 400);
        Api.Response array = Api.officer(port).post("/api/petitions", "[1,2]");
        problem(array, 400);
        assertThat(fields(array)).containsExactly("body");
    }

    @Test
    void wrong_types_inside_the_body_are_named() {
        Api.Response response = Api.officer(port).post("/api/petitions", """
                {"receivedOn":"2022-03-03","channel":"POST","kind":"FEEDBACK","field":"x","summary":"y",
                 "petitioners":{"fullName":"x"}}""");
        problem(response, 400);
        assertThat(fields(response)).containsExactly("petitioners");
    }

    @Test
    void bad_query_parameters_are_refused() {
        Api inspector = Api.as(port, "inspector");
        problem(inspector.get("/api/counts?from=2024-02-01&to=2024-01-01"), 400);
        problem(inspector.get("/api/counts?to=2024-01-01"), 400);
        problem(inspector.get("/api/counts?from=2024-13-01&to=2024-12-31"), 400);
        problem(inspector.get("/api/petitions?status=LOST"), 400);
        problem(inspector.get("/api/petitions?size=1000"), 400);
        problem(inspector.get("/api/petitions/overdue?asOf=yesterday"), 400);
    }

    @Test
    void an_unknown_petition_is_404_for_reads_and_steps() {
        String unknown = UUID.randomUUID().toString();
        Api inspector = Api.as(port, "inspector");
        problem(inspector.get("/api/petitions/" + unknown), 404);
        problem(inspector.get("/api/petitions/" + unknown + "/history"), 404);
        problem(inspector.get("/api/petitions/not-an-id"), 404);
        problem(Api.chair(port).post("/api/petitions/" + unknown + "/acceptance", Map.of("acceptedOn", "2022-03-04")),
                404);
        problem(Api.chair(port).post("/api/petitions/%27%20OR%201=1/acceptance", Map.of("acceptedOn", "2022-03-04")),
                404);
        problem(Api.officer(port).post("/api/petitions/" + unknown + "/mediations",
                Map.of("heldOn", "2022-03-04", "outcome", "FAILED")), 404);
    }

    @Test
    void a_broken_rule_is_409_with_its_name_and_writes_nothing() {
        String id = receive();
        Api.Response early = Api.chair(port).post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2022-03-04", "documentNumber", "1/UBND", "summary", "x"));
        problem(early, 409);
        assertThat(early.json().path("rule").asText()).isEqualTo("NOT_ACCEPTED");

        assertThat(Api.chair(port).post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn",
                "2022-03-04")).status())
                .isEqualTo(200);
        Api.Response again = Api.chair(port).post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn",
                "2022-03-05"));
        problem(again, 409);
        assertThat(again.json().path("rule").asText()).isEqualTo("ALREADY_ACCEPTED");

        Api.Response backdated = Api.officer(port).post("/api/petitions/" + id + "/mediations",
                Map.of("heldOn", "2022-03-01", "outcome", "FAILED"));
        problem(backdated, 409);
        assertThat(backdated.json().path("rule").asText()).isEqualTo("DATE_BEFORE_PREVIOUS_STEP");

        Api.officer(port).post("/api/petitions/" + id + "/mediations", Map.of("heldOn", "2022-03-10", "outcome",
                "FAILED"));
        Api.Response answer = Api.chair(port).post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2022-03-11", "documentNumber", "1/UBND", "summary", "x"));
        problem(answer, 409);
        assertThat(answer.json().path("rule").asText()).isEqualTo("LAST_MEDIATION_FAILED");

        Api.chair(port).post("/api/petitions/" + id + "/escalation",
                Map.of("escalatedOn", "2022-03-11", "to", "UBND huyện", "reason", "Hòa giải không thành"));
        Api.Response closed = Api.officer(port).post("/api/petitions/" + id + "/withdrawal", Map.of("withdrawnOn",
                "2022-03-12"));
        problem(closed, 409);
        assertThat(closed.json().path("rule").asText()).isEqualTo("PETITION_CLOSED");

        JsonNode history = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json();
        assertThat(history.path("events").findValuesAsText("type")).containsExactly(
                "PetitionReceived", "PetitionAccepted", "MediationFailed", "PetitionEscalated");
    }

    @Test
    void a_stale_if_match_is_412_and_writes_nothing() {
        String id = receive();
        Api.Response read = Api.officer(port).get("/api/petitions/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        Api.Response accepted = Api.chair(port).with("If-Match", read.header("ETag"))
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2022-03-04"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo("\"1\"");

        Api.Response stale = Api.officer(port).with("If-Match", "\"0\"")
                .post("/api/petitions/" + id + "/mediations", Map.of("heldOn", "2022-03-05", "outcome", "SUCCEEDED"));
        problem(stale, 412);
        problem(Api.officer(port).with("If-Match", "\"banana\"")
                .post("/api/petitions/" + id + "/mediations", Map.of("heldOn", "2022-03-05", "outcome", "SUCCEEDED")),
                412);
        assertThat(Api.officer(port).get("/api/petitions/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_stale_if_match_on_a_step_that_also_breaks_a_rule_is_412_and_writes_nothing() {
        String id = receive();
        assertThat(Api.chair(port).with("If-Match", "\"0\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2022-03-04")).status())
                .isEqualTo(200);
        // Both stale (the petition is at version 1) and against a rule (ALREADY_ACCEPTED).
        problem(Api.chair(port).with("If-Match", "\"0\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2022-03-05")), 412);
        // Both stale and against a rule (DATE_BEFORE_PREVIOUS_STEP).
        problem(Api.officer(port).with("If-Match", "\"0\"")
                .post("/api/petitions/" + id + "/mediations", Map.of("heldOn", "2022-03-01", "outcome", "FAILED")),
                412);
        assertThat(Api.officer(port).get("/api/petitions/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void without_credentials_or_with_a_wrong_password_the_answer_is_401() {
        Api.Response anonymous = Api.as(port, null, null).get("/api/petitions");
        problem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        problem(Api.as(port, "officer", "wrong").get("/api/petitions"), 401);
    }

    @Test
    void a_role_that_may_not_do_a_step_gets_403_and_writes_nothing() {
        String id = receive();
        Api inspector = Api.as(port, "inspector");
        problem(inspector.post("/api/petitions", Api.petition("2022-03-03", "FEEDBACK", "x")), 403);
        problem(inspector.post("/api/petitions/" + id + "/mediations",
                Map.of("heldOn", "2022-03-05", "outcome", "SUCCEEDED")), 403);
        problem(Api.officer(port).post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2022-03-04")),
                403);
        problem(Api.officer(port).post("/api/petitions/" + id + "/escalation",
                Map.of("escalatedOn", "2022-03-04", "to", "x", "reason", "y")), 403);
        problem(Api.as(port, "admin").get("/api/petitions/" + id), 403);
        problem(Api.as(port, "admin").post("/api/petitions", Api.petition("2022-03-03", "FEEDBACK", "x")), 403);
        assertThat(inspector.get("/api/petitions/" + id).json().path("version").asLong()).isZero();
        assertThat(Api.as(port, "admin").get("/api/counts?from=2022-01-01&to=2022-12-31").status()).isEqualTo(200);
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_read() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        Api.Response response = Api.officer(port).postBytes("/api/petitions", huge);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void an_error_never_echoes_the_personal_data_it_refused() {
        String longName = "Nguyễn Bí Mật " + "x".repeat(300);
        Map<String, Object> body = Api.petition("2022-03-03", "DENUNCIATION", "Tham nhũng");
        body.put("petitioners", List.of(Map.of("fullName", longName, "address", "Số 9 ngõ Kín", "phone", "abc")));
        Api.Response response = Api.officer(port).post("/api/petitions", body);
        problem(response, 400);
        assertThat(fields(response)).contains("petitioners[0].fullName", "petitioners[0].phone");
        assertThat(response.body()).doesNotContain("Bí Mật").doesNotContain("ngõ Kín");
    }
}
