package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * What the resilience battery found read too leniently or answered too late: a write whose Accept
 * takes no JSON, JSON in another charset, a date with more than a date in it, a number in hex, an
 * entity tag that only looks like the version, a refused visit that took a reference number, an
 * enum's name with a space after it, and an empty text that was stored as none.
 * Uses the year 2010.
 */
@PetitionServiceTest
class StrictReadingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_write_whose_accept_takes_no_json_is_refused_before_it_runs() {
        long seals = jdbc.sql("SELECT count(*) FROM audit_seal").query(Long.class).single();
        problem(Api.as(port, "inspector").with("Accept", "text/html").post("/api/audit/seals", ""), 406);
        problem(Api.officer(port).with("Accept", "garbage").post("/api/petitions",
                Api.petition("2010-03-01", "FEEDBACK", "Điện")), 406);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_seal").query(Long.class).single()).isEqualTo(seals);
        problem(Api.as(port, "inspector").with("Accept", "garbage").get("/api/petitions"), 406);
        assertThat(Api.officer(port).with("Accept", "application/*").post("/api/petitions",
                Api.petition("2010-03-01", "FEEDBACK", "Điện")).status()).isEqualTo(201);
    }

    @Test
    void json_declared_in_another_charset_is_refused() throws Exception {
        long before = events();
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Api.petition("2010-03-02", "FEEDBACK", "Đất đai"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/petitions"))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_date_is_a_date_and_a_number_is_decimal() {
        Api officer = Api.officer(port);
        for (String date : List.of("2010-03-03T23:59:59", "2010-3-3", "20100303")) {
            Map<String, Object> body = Api.petition("2010-03-03", "FEEDBACK", "Điện");
            body.put("receivedOn", date);
            Api.Response response = officer.post("/api/petitions", body);
            problem(response, 400);
            assertThat(response.body()).as(date).contains("receivedOn");
        }
        problem(Api.as(port, "inspector").get("/api/audit/verification?upTo=0x10"), 400);
        problem(Api.as(port, "inspector").get("/api/petitions?page=%2310"), 400);
    }

    @Test
    void an_enum_is_named_only_as_written() {
        long before = events();
        for (String channel : List.of("POST ", " POST", "POST\t", "POST\u0000")) {
            Map<String, Object> body = Api.petition("2010-03-05", "FEEDBACK", "Điện");
            body.put("channel", channel);
            Api.Response response = Api.officer(port).post("/api/petitions", body);
            problem(response, 400);
            assertThat(response.json().path("errors").get(0).path("field").asText()).as(channel).isEqualTo("channel");
            assertThat(response.json().path("errors").get(0).path("message").asText()).as(channel)
                    .startsWith("'" + channel + "' is not one of: ");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_empty_optional_text_is_stored_empty_not_as_none() {
        String id = Api.officer(port).post("/api/petitions", Api.petition("2010-03-05", "FEEDBACK", "Điện"))
                .text("id");
        assertThat(Api.officer(port).post("/api/petitions/" + id + "/withdrawal",
                Map.of("withdrawnOn", "2010-03-06", "reason", "")).status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode events = Api.chair(port).get("/api/petitions/" + id + "/history")
                .json().path("events");
        com.fasterxml.jackson.databind.JsonNode withdrawn = events.get(events.size() - 1).path("data");
        assertThat(withdrawn.path("reason").isTextual()).as(withdrawn.toString()).isTrue();
        assertThat(withdrawn.path("reason").asText()).isEmpty();
    }

    @Test
    void an_entity_tag_names_a_version_only_as_the_etag_wrote_it() {
        String id = Api.officer(port).post("/api/petitions", Api.petition("2010-03-04", "FEEDBACK", "Điện"))
                .text("id");
        Api chair = Api.chair(port);
        problem(chair.with("If-Match", "\"00\"").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2010-03-05")), 412);
        assertThat(chair.with("If-Match", "\"0\"").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2010-03-05")).status()).isEqualTo(200);
    }

    @Test
    void a_visit_its_session_refuses_takes_no_reference_number() {
        Api officer = Api.officer(port);
        String session = officer.post("/api/sessions", Map.of("heldOn", "2010-03-04", "kind", "PERIODIC",
                "host", "Chủ tịch UBND", "hostedInPerson", true)).text("id");
        Map<String, Object> petition = Map.of("kind", "RECOMMENDATION", "field", "Đất đai", "summary", "Kiến nghị",
                "petitioners", List.of(Map.of("fullName", "Võ Thị Năm", "address", "Khu 4")));
        int first = reference(officer.post("/api/sessions/" + session + "/visits", Map.of("people", 1, "group", false,
                "repeat", false, "kind", "RECOMMENDATION", "summary", "Kiến nghị", "outcome", "PETITION_RECEIVED",
                "petition", petition)));
        Api.Response refused = officer.post("/api/sessions/" + session + "/visits", Map.of("people", 6,
                "group", true, "repeat", false, "kind", "RECOMMENDATION", "summary", "Kiến nghị",
                "outcome", "PETITION_RECEIVED", "petition", petition));
        problem(refused, 409);
        int next = reference(officer.post("/api/sessions/" + session + "/visits", Map.of("people", 1, "group", false,
                "repeat", false, "kind", "RECOMMENDATION", "summary", "Kiến nghị", "outcome", "PETITION_RECEIVED",
                "petition", petition)));
        assertThat(next).isEqualTo(first + 1);
    }

    private static int reference(Api.Response logged) {
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return Integer.parseInt(logged.json().path("petition").path("reference").asText().substring(5));
    }
}
