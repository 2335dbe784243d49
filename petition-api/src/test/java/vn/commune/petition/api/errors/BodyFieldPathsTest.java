package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * A request body's problems are named where the client wrote them: an unknown field whatever it
 * holds and wherever it stands in its object, and a byte that is not UTF-8 deep in a list is the
 * body's, not the JSON's. Writes nothing; uses the year 2005.
 */
@PetitionServiceTest
class BodyFieldPathsTest {

    @LocalServerPort
    int port;

    @Test
    void an_unknown_field_is_named_as_written_whatever_it_holds_and_wherever_it_stands() {
        Api.Response response = Api.officer(port).post("/api/petitions", """
                {"colour":{"shade":[1]},"receivedOn":"2005-03-04","channel":"POST","kind":"COMPLAINT",
                 "field":"Đất đai","summary":"Tranh chấp ranh giới",
                 "petitioners":[{"notes":[],"fullName":"Phạm Thị Hoa","address":"Khu 5"},
                                {"fullName":"Lê Văn Ba","address":"Khu 1","idNumber":null,"phone":null,"age":{}}],
                 "ward":null,"sessionId":null,"tags":["a"]}""");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("colour", "petitioners[0].notes", "petitioners[1].age", "tags");
    }

    @Test
    void a_byte_that_is_not_utf8_deep_in_a_list_makes_the_body_not_utf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"receivedOn\":\"2005-03-04\",\"channel\":\"POST\",\"kind\":\"COMPLAINT\",\"field\":\"Đất đai\","
                + "\"summary\":\"Tranh chấp\",\"petitioners\":[{\"fullName\":\"Phạm Thị Hoa\",\"address\":\""
                + "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        body.write(0xff);
        body.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
        Api.Response response = Api.officer(port).postBytes("/api/petitions", body.toByteArray());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").toString()).contains("\"field\":\"body\"")
                .contains("is not valid UTF-8").doesNotContain("well-formed");
    }
}
