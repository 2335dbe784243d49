package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** A body over the limit is 413 Problem Details, whether its length was declared or it came in chunks. */
@PetitionServiceTest
class OversizedBodyTest {

    @LocalServerPort
    int port;

    private Api.Response post(byte[] body, boolean declareLength) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/petitions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8)))
                .POST(declareLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return new Api.Response(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void a_json_body_over_the_limit_is_413_problem_details_even_when_it_comes_in_chunks() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        for (boolean declared : new boolean[] {true, false}) {
            Api.Response response = post(body, declared);
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("type").asText()).isEqualTo("/problems/too-large");
            assertThat(response.json().path("detail").asText()).isEqualTo("The body is larger than 1048576 bytes");
        }
    }
}
