package vn.commune.petition.api.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Scans of what a citizen handed over: attached by the API as PDF, JPEG or PNG told from the bytes,
 * named by their SHA-256 in a ScanAttached event (which the audit chain then covers), read back byte
 * for byte by those who may see the petitioners, and by no one else; a file of another kind, a
 * document the receipt does not list, or a file over the limit writes nothing.
 */
@PetitionServiceTest
class ScansTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<byte[]> send(String method, String user, String path, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private String receive(String kind) {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition("2024-05-06", kind, "Đất đai"));
        body.put("handedOver", List.of(Map.of("title", "Giấy chứng nhận quyền sử dụng đất", "pages", 2, "original", false),
                Map.of("title", "Ảnh chụp hiện trạng", "pages", 1, "original", true)));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private long stored(String id) {
        return jdbc.sql("SELECT count(*) FROM petition_scans WHERE petition_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void a_scan_is_told_by_its_bytes_named_by_its_digest_and_read_back_byte_for_byte() throws Exception {
        String id = receive("COMPLAINT");
        String scan = "/api/petitions/" + id + "/handed-over/1/scan";
        HttpResponse<byte[]> attached = send("PUT", "officer", scan, "application/octet-stream", PDF);
        assertThat(attached.statusCode()).as(new String(attached.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(send("PUT", "officer", "/api/petitions/" + id + "/handed-over/2/scan", "image/png", JPEG).statusCode())
                .as("a JPEG sent as PNG is a JPEG").isEqualTo(200);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        JsonNode documents = json(send("GET", "officer", "/api/petitions/" + id + "/handed-over", null, null));
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).path("title").asText()).isEqualTo("Giấy chứng nhận quyền sử dụng đất");
        assertThat(documents.get(0).path("scan").path("sha256").asText()).isEqualTo(sha256);
        assertThat(documents.get(0).path("scan").path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(documents.get(1).path("scan").path("contentType").asText()).isEqualTo("image/jpeg");

        HttpResponse<byte[]> read = send("GET", "inspector", scan, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(PDF);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(read.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");

        JsonNode history = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json();
        assertThat(history.toString()).contains("ScanAttached").contains(sha256);
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + id + "/verification").json().path("status").asText())
                .isEqualTo("OK");
        assertThat(send("PUT", "officer", scan, "application/pdf", PNG).statusCode()).as("a new scan").isEqualTo(200);
        assertThat(send("GET", "officer", scan, null, null).body()).as("the last scan is the one read").isEqualTo(PNG);
    }

    @Test
    void an_appointment_before_the_receipt_is_refused_with_its_field_named() {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition("2024-05-06", "COMPLAINT", "Đất đai"));
        body.put("appointmentOn", "2024-05-05");
        Api.Response refused = Api.officer(port).post("/api/petitions", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.toString()).contains("appointmentOn");
        body.put("appointmentOn", "2024-05-13");
        assertThat(Api.officer(port).post("/api/petitions", body).json().path("appointmentOn").asText())
                .isEqualTo("2024-05-13");
    }

    @Test
    void a_file_of_another_kind_a_document_not_listed_or_a_file_too_large_writes_nothing() {
        String id = receive("RECOMMENDATION");
        long version = Api.officer(port).get("/api/petitions/" + id).json().path("version").asLong();
        HttpResponse<byte[]> text = send("PUT", "officer", "/api/petitions/" + id + "/handed-over/1/scan",
                "application/pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).path("type").asText()).endsWith("unsupported-scan");
        HttpResponse<byte[]> third = send("PUT", "officer", "/api/petitions/" + id + "/handed-over/3/scan", "application/pdf", PDF);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(json(third).path("rule").asText()).isEqualTo("NO_SUCH_DOCUMENT");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThat(send("PUT", "officer", "/api/petitions/" + id + "/handed-over/1/scan", "application/pdf", large)
                .statusCode()).isEqualTo(413);
        assertThat(send("PUT", "inspector", "/api/petitions/" + id + "/handed-over/1/scan", "application/pdf", PDF)
                .statusCode()).as("only whoever receives petitions attaches").isEqualTo(403);
        assertThat(stored(id)).isZero();
        assertThat(Api.officer(port).get("/api/petitions/" + id).json().path("version").asLong()).isEqualTo(version);
    }

    @Test
    void a_denunciations_documents_are_for_the_officers_and_the_chair_alone_and_never_for_the_board() {
        String denunciation = receive("DENUNCIATION");
        assertThat(send("PUT", "officer", "/api/petitions/" + denunciation + "/handed-over/1/scan", "application/pdf", PDF)
                .statusCode()).isEqualTo(200);
        for (String user : List.of("officer", "chair")) {
            assertThat(send("GET", user, "/api/petitions/" + denunciation + "/handed-over/1/scan", null, null).statusCode())
                    .as(user).isEqualTo(200);
            assertThat(json(send("GET", user, "/api/petitions/" + denunciation, null, null)).path("handedOver"))
                    .as(user).hasSize(2);
        }
        for (String user : List.of("inspector", "board")) {
            assertThat(send("GET", user, "/api/petitions/" + denunciation + "/handed-over/1/scan", null, null).statusCode())
                    .as(user).isIn(403, 404);
            assertThat(send("GET", user, "/api/petitions/" + denunciation + "/handed-over", null, null).statusCode())
                    .as(user).isIn(403, 404);
            assertThat(json(send("GET", user, "/api/petitions/" + denunciation, null, null)).path("handedOver"))
                    .as(user + ": not even the titles").isEmpty();
        }
        String complaint = receive("COMPLAINT");
        assertThat(send("PUT", "chair", "/api/petitions/" + complaint + "/handed-over/1/scan", "image/png", PNG).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "inspector", "/api/petitions/" + complaint + "/handed-over/1/scan", null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "board", "/api/petitions/" + complaint + "/handed-over/1/scan", null, null).statusCode())
                .as("the board sees no petitioner of any kind").isEqualTo(403);
    }
}
