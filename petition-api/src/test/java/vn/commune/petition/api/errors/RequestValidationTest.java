package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * A 400 names every invalid field with what is wrong with it, in the field's own path, and writes
 * nothing: query parameters, wrong JSON types, values Jackson cannot read, duplicate keys, and a
 * weak ETag in If-Match. Uses the year 2013.
 */
@PetitionServiceTest
class RequestValidationTest {

    @LocalServerPort
    int port;

    private Api officer() {
        return Api.as(port, "officer");
    }

    private Api chair() {
        return Api.as(port, "chair");
    }

    /** The 400's errors, field to message, each field listed once. */
    private static Map<String, String> errors(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("/problems/invalid-request");
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            assertThat(errors.put(error.path("field").asText(), error.path("message").asText()))
                    .as("%s listed twice in %s", error.path("field").asText(), response).isNull();
        }
        assertThat(errors).as(response.toString()).isNotEmpty();
        return errors;
    }

    private long total() {
        return Api.as(port, "inspector").get("/api/petitions?from=2013-01-01&to=2013-12-31").json()
                .path("total").asLong();
    }

    private String receive() {
        Api.Response response = officer().post("/api/petitions", Api.petition("2013-03-04", "COMPLAINT", "Đất đai"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    private long version(String id) {
        return Api.as(port, "inspector").get("/api/petitions/" + id).json().path("version").asLong();
    }

    /** A valid receipt of 2013 with fields replaced or added: name, raw JSON, name, raw JSON... */
    private static String receipt(String... replaced) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("receivedOn", "\"2013-03-04\"");
        fields.put("channel", "\"POST\"");
        fields.put("kind", "\"COMPLAINT\"");
        fields.put("field", "\"Đất đai\"");
        fields.put("summary", "\"Tranh chấp ranh giới\"");
        fields.put("petitioners", "[{\"fullName\":\"Phạm Thị Hoa\",\"address\":\"Khu 5\"}]");
        for (int i = 0; i < replaced.length; i += 2) {
            fields.put(replaced[i], replaced[i + 1]);
        }
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> body.append(body.length() > 1 ? "," : "")
                .append('"').append(name).append("\":").append(value));
        return body.append('}').toString();
    }

    @Test
    void a_type_mismatch_and_a_constraint_error_in_the_query_are_listed_together() {
        Api inspector = Api.as(port, "inspector");
        Map<String, String> list = errors(inspector.get("/api/petitions?status=FOO&size=1000"));
        assertThat(list).containsOnlyKeys("status", "size");
        assertThat(list.get("size")).isEqualTo("must be less than or equal to 200");
        assertThat(list.get("status")).startsWith("'FOO' is not one of: RECEIVED, ACCEPTED");
        assertThat(errors(inspector.get("/api/petitions?page=abc"))).containsEntry("page", "'abc' is not an integer");

        assertThat(errors(inspector.get("/api/petitions?status=FOO&kind=GOSSIP&from=2013-02-30&page=-1&size=0")))
                .containsOnlyKeys("status", "kind", "from", "page", "size");
        assertThat(errors(inspector.get("/api/counts?from=2013-13-01"))).containsOnlyKeys("from", "to");
    }
}
