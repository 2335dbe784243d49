package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** Idempotency-Key: a retry returns the first answer and writes nothing. Uses the year 2021. */
@PetitionServiceTest
class IdempotencyTest {

    @LocalServerPort
    int port;

    /** An answer as kept for its key: without the lookup code, the last member of a receipt's answer. */
    private static String withoutCode(String body) {
        return body.replaceFirst(",\"lookupCode\":\"[0-9A-Z-]+\"}$", "}");
    }

    private long total(String from, String to) {
        return Api.as(port, "inspector").get("/api/petitions?from=" + from + "&to=" + to).json().path("total").asLong();
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_response_and_writes_nothing() {
        String key = UUID.randomUUID().toString();
        Api officer = Api.as(port, "officer").with("Idempotency-Key", key);
        Map<String, Object> body = Api.petition("2021-04-01", "FEEDBACK", "Giao thông");
        Api.Response first = officer.post("/api/petitions", body);
        Api.Response retry = officer.post("/api/petitions", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        // The answer kept for the key is the first one without its lookup code, which is shown once.
        assertThat(first.text("lookupCode")).isNotBlank();
        assertThat(retry.json().has("lookupCode")).isFalse();
        assertThat(retry.body()).isEqualTo(withoutCode(first.body()));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(total("2021-04-01", "2021-04-01")).isEqualTo(1);

        // The next petition gets the next reference: the retry consumed none.
        Api.Response next = Api.as(port, "officer").post("/api/petitions", Api.petition("2021-04-02", "FEEDBACK", "x"));
        int firstNumber = Integer.parseInt(first.text("reference").substring(5));
        assertThat(next.text("reference")).isEqualTo(String.format("2021-%04d", firstNumber + 1));
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        Api officer = Api.as(port, "officer").with("Idempotency-Key", key);
        assertThat(officer.post("/api/petitions", Api.petition("2021-05-03", "FEEDBACK", "x")).status()).isEqualTo(201);
        Api.Response other = officer.post("/api/petitions", Api.petition("2021-05-03", "FEEDBACK", "y"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(total("2021-05-03", "2021-05-03")).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_user() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Api.petition("2021-06-01", "FEEDBACK", "x");
        assertThat(Api.as(port, "officer").with("Idempotency-Key", key).post("/api/petitions", body).status())
                .isEqualTo(201);
        Api.Response chair = Api.as(port, "chair").with("Idempotency-Key", key).post("/api/petitions", body);
        assertThat(chair.status()).isEqualTo(201);
        assertThat(chair.header("Idempotent-Replayed")).isNull();
        assertThat(total("2021-06-01", "2021-06-01")).isEqualTo(2);
    }

    @Test
    void a_refused_request_does_not_use_up_its_key() {
        String id = Api.as(port, "officer").post("/api/petitions", Api.petition("2021-07-01", "FEEDBACK", "x"))
                .text("id");
        String key = UUID.randomUUID().toString();
        Api chair = Api.as(port, "chair").with("Idempotency-Key", key);
        Api.Response refused = chair.post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2021-07-02", "documentNumber", "1", "summary", "x"));
        assertThat(refused.status()).isEqualTo(409);
        Api.Response accepted = chair.post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2021-07-02", "documentNumber", "1", "summary", "x"));
        assertThat(accepted.status()).as("the same key, same body, after the rule was met").isEqualTo(409);
        assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2021-07-02")).status()).isEqualTo(200);
        Api.Response now = chair.post("/api/petitions/" + id + "/written-answer",
                Map.of("answeredOn", "2021-07-02", "documentNumber", "1", "summary", "x"));
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.text("status")).isEqualTo("RESOLVED");
    }

    @Test
    void concurrent_retries_with_one_key_write_exactly_once() throws Exception {
        String key = UUID.randomUUID().toString();
        Api officer = Api.as(port, "officer").with("Idempotency-Key", key);
        Map<String, Object> body = Api.petition("2021-08-02", "RECOMMENDATION", "Điện");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> officer.post("/api/petitions", body));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Api.Response> future : pool.invokeAll(calls)) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                bodies.add(response.body());
            }
            assertThat(bodies.stream().filter(b -> b.contains("\"lookupCode\"")))
                    .as("one answer wrote, and only it has the lookup code").hasSize(1);
            assertThat(bodies).allMatch(b -> withoutCode(b).equals(withoutCode(bodies.get(0))));
        } finally {
            pool.shutdownNow();
        }
        assertThat(total("2021-08-02", "2021-08-02")).isEqualTo(1);
    }
}
