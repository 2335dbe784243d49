package vn.commune.petition.api.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Conflicting steps fired at one petition at once, retries with one key under load, and a
 * thousand malformed requests: never a 5xx, exactly one winner, nothing written twice or at all.
 * Uses the year 2014.
 */
@PetitionServiceTest
class ConcurrencyAndBadInputTest {

    @LocalServerPort
    int port;

    private long total(String from, String to) {
        return Api.as(port, "inspector").get("/api/petitions?from=" + from + "&to=" + to).json().path("total").asLong();
    }

    @Test
    void fifty_conflicting_closing_steps_at_once_let_exactly_one_win() throws Exception {
        String id = Api.as(port, "officer").post("/api/petitions", Api.petition("2014-05-05", "RECOMMENDATION", "x"))
                .text("id");
        assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2014-05-06")).status()).isEqualTo(200);
        Api chair = Api.as(port, "chair");
        List<Callable<Integer>> steps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            steps.add(() -> switch (n % 3) {
                case 0 -> chair.post("/api/petitions/" + id + "/written-answer",
                        Map.of("answeredOn", "2014-05-07", "documentNumber", n + "/UBND", "summary", "x")).status();
                case 1 -> chair.post("/api/petitions/" + id + "/escalation",
                        Map.of("escalatedOn", "2014-05-07", "to", "UBND huyện", "reason", "x")).status();
                default -> (n % 2 == 0 ? chair.with("If-Match", "\"1\"") : chair)
                        .post("/api/petitions/" + id + "/withdrawal", Map.of("withdrawnOn", "2014-05-07")).status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(steps)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 412);
        JsonNode history = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json();
        List<String> types = history.path("events").findValuesAsText("type");
        assertThat(types).hasSize(3);
        assertThat(types.subList(0, 2)).containsExactly("PetitionReceived", "PetitionAccepted");
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + id + "/verification").json().path("status")
                .asText()).isEqualTo("OK");
    }

    @Test
    void closing_steps_at_once_with_the_same_if_match_let_one_win_and_the_rest_are_412() throws Exception {
        String id = Api.as(port, "officer").post("/api/petitions", Api.petition("2014-05-12", "RECOMMENDATION", "x"))
                .text("id");
        assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", "2014-05-13")).status()).isEqualTo(200);
        Api chair = Api.as(port, "chair").with("If-Match", "\"1\"");
        List<Callable<Integer>> steps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            // After the winner, each of the others is both stale and against a rule (PETITION_CLOSED).
            steps.add(() -> (n % 2 == 0
                    ? chair.post("/api/petitions/" + id + "/withdrawal", Map.of("withdrawnOn", "2014-05-14"))
                    : chair.post("/api/petitions/" + id + "/written-answer",
                            Map.of("answeredOn", "2014-05-14", "documentNumber", n + "/UBND", "summary", "x")))
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(steps)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s != 200)).hasSize(19).allMatch(s -> s == 412);
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + id).json().path("version").asLong())
                .isEqualTo(2);
    }

    @Test
    void retries_with_the_same_keys_under_load_write_each_petition_exactly_once() throws Exception {
        long before = total("2014-06-01", "2014-06-30");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Api.petition("2014-06-" + String.format("%02d", k + 2), "FEEDBACK", "Giao thông");
            for (int retry = 0; retry < 4; retry++) {
                calls.add(() -> Api.as(port, "officer").with("Idempotency-Key", key).post("/api/petitions", body)
                        .status());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(total("2014-06-01", "2014-06-30") - before).isEqualTo(20);
    }

    @Test
    void a_thousand_malformed_requests_get_only_4xx_and_write_nothing() throws Exception {
        long before = total("2000-01-01", "2100-12-31");
        String id = Api.as(port, "officer").post("/api/petitions", Api.petition("2014-07-01", "COMPLAINT", "x"))
                .text("id");
        List<byte[]> bodies = malformed(1_000);
        List<String> paths = List.of("/api/petitions", "/api/petitions/" + id + "/acceptance",
                "/api/petitions/" + id + "/mediations", "/api/sessions", "/api/petitions/' OR '1'='1/withdrawal");
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("chair:chair".getBytes(StandardCharsets.UTF_8));
        int n = 0;
        for (byte[] body : bodies) {
            String path = paths.get(n++ % paths.size()).replace(" ", "%20").replace("'", "%27");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s", path, new String(body, StandardCharsets.UTF_8))
                    .isBetween(400, 499);
        }
        for (String query : List.of("status=%27;DROP%20TABLE%20petition_view;--", "from=2024-02-30", "size=-1",
                "page=abc", "kind=%3Cscript%3E")) {
            assertThat(Api.as(port, "chair").get("/api/petitions?" + query).status()).isEqualTo(400);
        }
        assertThat(total("2000-01-01", "2100-12-31")).isEqualTo(before + 1);
        assertThat(Api.as(port, "chair").get("/api/petitions/" + id).json().path("version").asLong()).isZero();
    }

    /** Wrong types, deep JSON, invalid UTF-8, unknown enums, impossible dates, SQL and script where they do not fit. */
    private static List<byte[]> malformed(int count) {
        Random random = new Random(42);
        String[] fragments = {"'; DROP TABLE domainevententry; --", "<script>alert(1)</script>", "1 OR 1=1",
                "2024-02-30", "2024-13-01", "FAX", "null", "${jndi:ldap://x}", "../../etc/passwd", "\\u0000"};
        String[] fields = {"receivedOn", "acceptedOn", "heldOn", "channel", "kind", "outcome", "petitioners", "days"};
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String fragment = fragments[random.nextInt(fragments.length)].replace("\"", "\\\"");
            String field = fields[random.nextInt(fields.length)];
            String body = switch (i % 10) {
                case 0 -> "{\"" + field + "\":\"" + fragment + "\"}";
                case 1 -> "{\"receivedOn\":" + random.nextInt() + ",\"channel\":[1,2],\"kind\":{}}";
                case 2 -> "[".repeat(200 + random.nextInt(500)) + "]".repeat(10);
                case 3 -> "{\"a\":".repeat(100) + "1" + "}".repeat(100);
                case 4 -> "{\"receivedOn\":\"" + fragment + "\",\"channel\":\"POST\",\"kind\":\"" + fragment
                        + "\",\"field\":\"x\",\"summary\":\"y\",\"petitioners\":[]}";
                case 5 -> "{\"heldOn\":\"2024-02-30\",\"outcome\":\"" + fragment + "\"}";
                case 6 -> "{\"acceptedOn\":\"2099-01-01\",\"complex\":\"" + fragment + "\"}";
                case 7 -> "{" + "\"x\":1,".repeat(random.nextInt(50)) + "\"unterminated";
                case 8 -> "\"" + fragment + "\"";
                default -> null;
            };
            if (body == null) {
                byte[] invalid = "{\"summary\":\"xx\",\"field\":\"yy\"}".getBytes(StandardCharsets.UTF_8);
                invalid[13] = (byte) 0xC3;
                invalid[14] = (byte) 0x28;
                bodies.add(invalid);
            } else {
                bodies.add(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }
}
