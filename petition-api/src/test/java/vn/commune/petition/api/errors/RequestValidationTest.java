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
        Api.Response response = Api.officer(port).post("/api/petitions", Api.petition("2013-03-04", "COMPLAINT",
                "Đất đai"));
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

    @Test
    void a_number_or_true_or_false_for_a_text_field_is_a_type_error() {
        long before = total();
        Map<String, String> errors = errors(Api.officer(port).post("/api/petitions", receipt("summary", "42", "field",
                "1.5",
                "petitioners", "[{\"fullName\":\"Phạm Thị Hoa\",\"address\":true}]", "ward", "false")));
        assertThat(errors).containsOnlyKeys("summary", "field", "petitioners[0].address", "ward");
        assertThat(errors).containsEntry("summary", "must be a string").containsEntry("ward", "must be a string")
                .containsEntry("field", "must be a string").containsEntry("petitioners[0].address", "must be a string");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void a_number_is_neither_true_or_false_nor_a_date() {
        String id = receive();
        Map<String, String> errors = errors(Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                "{\"acceptedOn\":15770,\"complex\":1,\"especiallyComplex\":0}"));
        assertThat(errors).containsOnly(Map.entry("acceptedOn", "must be a date (yyyy-MM-dd)"),
                Map.entry("complex", "must be true or false"), Map.entry("especiallyComplex", "must be true or false"));
        assertThat(errors(Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                "{\"acceptedOn\":\"2013-03-04\",\"complex\":\"true\"}")))
                .containsOnly(Map.entry("complex", "must be true or false"));
        assertThat(version(id)).isZero();
    }

    @Test
    void a_petitioner_that_is_not_an_object_is_named_with_the_other_errors() {
        long before = total();
        Map<String, String> errors = errors(Api.officer(port).post("/api/petitions", receipt("petitioners",
                "[\"Hoàng Văn Em\", {\"fullName\":\"\",\"address\":\"Khu 1\"}, null, 42, true, [\"x\"]]",
                "channel", "\"FAX\"")));
        assertThat(errors).containsOnlyKeys("channel", "petitioners[0]", "petitioners[1].fullName", "petitioners[2]",
                "petitioners[3]", "petitioners[4]", "petitioners[5]");
        assertThat(errors).containsEntry("petitioners[0]", "must be an object")
                .containsEntry("petitioners[2]", "must not be null")
                .containsEntry("petitioners[3]", "must be an object")
                .containsEntry("petitioners[4]", "must be an object")
                .containsEntry("petitioners[5]", "must be an object");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_a_string_or_a_number_must_be_an_object() {
        for (String body : List.of("\"a petition\"", "42", "true")) {
            assertThat(errors(Api.officer(port).post("/api/petitions", body))).containsOnly(Map.entry("body",
                    "must be an object"));
        }
    }

    @Test
    void json_that_breaks_off_after_a_bad_value_lists_both() {
        Map<String, String> errors = errors(Api.officer(port).post("/api/petitions",
                "{\"channel\": \"FAX\", \"kind\": "));
        assertThat(errors).containsOnlyKeys("channel", "body");
        assertThat(errors.get("body")).isEqualTo("The body is not well-formed JSON");
    }

    @Test
    void a_fraction_an_out_of_range_number_and_over_long_values_name_their_field() {
        String id = receive();
        String path = "/api/petitions/" + id + "/extensions";

        Map<String, String> fraction = errors(Api.chair(port).post(path,
                "{\"extendedOn\":\"2013-03-10\",\"days\":1.5,\"reason\":7}"));
        assertThat(fraction).containsOnlyKeys("days", "reason");
        assertThat(fraction.get("days")).isEqualTo("must be an integer");

        Map<String, String> quoted = errors(Api.chair(port).post(path,
                "{\"extendedOn\":\"2013-03-10\",\"days\":\"5\",\"reason\":\"Phức tạp\"}"));
        assertThat(quoted).containsOnly(Map.entry("days", "must be an integer"));

        Map<String, String> outOfRange = errors(Api.chair(port).post(path,
                "{\"extendedOn\":\"2013-03-10\",\"days\":99999999999,\"reason\":7}"));
        assertThat(outOfRange).containsOnlyKeys("days", "reason");
        assertThat(outOfRange.get("days")).isEqualTo("is out of range");

        Map<String, String> longNumber = errors(Api.chair(port).post(path,
                "{\"extendedOn\":\"2013-03-10\",\"reason\":\"Phức tạp\",\"days\":" + "9".repeat(1500) + "}"));
        assertThat(longNumber).containsOnlyKeys("days");
        assertThat(longNumber.get("days")).isEqualTo("has more than 1000 digits");

        Map<String, String> longText = errors(Api.chair(port).post(path,
                "{\"extendedOn\":\"2013-02-30\",\"reason\":\"" + "x".repeat(100_001) + "\",\"days\":5}"));
        assertThat(longText).containsOnlyKeys("extendedOn", "reason");
        assertThat(longText.get("reason")).isEqualTo("is longer than 100000 characters");
        assertThat(longText.toString()).doesNotContain("xxxxxxxxxx");

        assertThat(version(id)).isZero();
    }

    @Test
    void messages_and_paths_read_as_the_client_wrote_them() {
        String id = receive();
        Map<String, String> step = errors(Api.chair(port).post("/api/petitions/" + id + "/extensions",
                "{\"extendedOn\":\"2013-03-10\",\"days\":\"ten\",\"reason\":\"Phức tạp\"}"));
        assertThat(step).containsOnlyKeys("days");
        assertThat(step.get("days")).isEqualTo("must be an integer");

        Map<String, String> receipt = errors(Api.officer(port).post("/api/petitions", receipt("petitioners",
                "[{\"fullName\":\"A\",\"address\":\"B\"}, null]")));
        assertThat(receipt).containsOnlyKeys("petitioners[1]");
        assertThat(version(id)).isZero();
    }

    @Test
    void a_body_with_thousands_of_unknown_fields_lists_the_first_hundred() {
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            unknown.append(",\"extra").append(i).append("\":").append(i);
        }
        String body = receipt("summary", "\"\"");
        Api.Response response = Api.officer(port).post("/api/petitions", body.substring(0,
                body.length() - 1) + unknown + "}");
        Map<String, String> errors = errors(response);
        assertThat(errors).hasSize(100).containsKey("extra0").containsEntry("extra99", "unknown field");
        assertThat(response.json().path("errorsLeftOff").asBoolean()).isTrue();
        assertThat(response.json().path("detail").asText())
                .isEqualTo("More than 100 fields are invalid; the first 100 are listed");

        Map<String, String> hundred = errors(Api.officer(port).post("/api/petitions",
                body.substring(0, body.length() - 1) + unknown.substring(0, unknown.indexOf(",\"extra99\"")) + "}"));
        assertThat(hundred).hasSize(100).containsKeys("extra98", "summary");

        Map<String, String> longName = errors(Api.officer(port).post("/api/petitions",
                body.substring(0, body.length() - 1) + ",\"" + "n".repeat(40_000) + "\":1}"));
        assertThat(longName).containsKeys("summary", "n".repeat(200) + "…");
    }

    @Test
    void a_key_given_twice_is_refused() {
        long before = total();
        Map<String, String> errors = errors(Api.officer(port).post("/api/petitions",
                receipt("summary", "\"Một\",\"summary\":\"Hai\"")));
        assertThat(errors).containsOnlyKeys("summary");
        assertThat(errors.get("summary")).isEqualTo("is given more than once");

        Map<String, String> nested = errors(Api.officer(port).post("/api/petitions", receipt("petitioners",
                "[{\"fullName\":\"A\",\"address\":\"B\",\"fullName\":\"C\"}]")));
        assertThat(nested).containsOnlyKeys("petitioners[0].fullName");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void a_weak_etag_never_matches_if_match() {
        String id = receive();
        Api.Response weak = Api.chair(port).with("If-Match", "W/\"0\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2013-03-05"));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(412);
        assertThat(weak.header("Content-Type")).startsWith("application/problem+json");
        assertThat(version(id)).isZero();

        Api.Response strong = Api.chair(port).with("If-Match", "\"0\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2013-03-05"));
        assertThat(strong.status()).as(strong.toString()).isEqualTo(200);
    }

    @Test
    void if_match_with_a_list_matches_when_the_petition_is_at_one_of_its_versions() {
        String id = receive();
        Api.Response none = Api.chair(port).with("If-Match", "\"3\", \"4\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2013-03-05"));
        assertThat(none.status()).as(none.toString()).isEqualTo(412);
        assertThat(version(id)).isZero();

        Api.Response listed = Api.chair(port).with("If-Match", "W/\"1\", \"7\", \"0\"")
                .post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", "2013-03-05"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(version(id)).isEqualTo(1);
    }
}
