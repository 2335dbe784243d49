package vn.commune.petition.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the service under test, signed in as one of the demo accounts. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final String password;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** Signed in as the demo account of that name (its password is its name). */
    public static Api as(int port, String user) {
        return new Api("http://localhost:" + port, user, user);
    }

    /** The reception officer's demo account. */
    public static Api officer(int port) {
        return as(port, "officer");
    }

    /** The chair's demo account: the decisions (acceptance, answers, escalation) are theirs. */
    public static Api chair(int port) {
        return as(port, "chair");
    }

    public static Api as(int port, String user, String password) {
        return new Api("http://localhost:" + port, user, password);
    }

    /** The same client sending one more header on every request. */
    public Api with(String name, String value) {
        Api copy = new Api(base, user, password);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response head(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PUT of a file as it is, such as a scan. */
    public Response put(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Response send(HttpRequest.Builder request) {
        if (user != null) {
            String credentials = user + ":" + password;
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP response with its body parsed as JSON when it is JSON. */
    public static final class Response {

        private final HttpResponse<String> response;

        public Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + response.body(), e);
            }
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }

    /** The body of a petition received by post, with one petitioner. */
    public static Map<String, Object> petition(String receivedOn, String kind, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receivedOn", receivedOn);
        body.put("channel", "POST");
        body.put("kind", kind);
        body.put("field", field);
        body.put("summary", "Đề nghị xem xét " + field.toLowerCase());
        body.put("petitioners", java.util.List.of(Map.of("fullName", "Phạm Thị Hoa", "address", "Khu 5, thị trấn")));
        body.put("ward", "Khu 5");
        return body;
    }
}
