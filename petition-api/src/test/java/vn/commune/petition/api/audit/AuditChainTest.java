package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Tamper evidence, tried as an inspector would: chains verify, an UPDATE or a DELETE run straight
 * against the event table is found, a lawful erasure is not a break, and an export checks out
 * with Python alone. Its own database, since these tests tamper with it.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=audit-chain")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    private static final String DENUNCIATOR = "Hà Văn Kín";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String petitionWithSteps(String receivedOn, String kind) {
        Map<String, Object> body = Api.petition(receivedOn, kind, "Tài nguyên");
        body.put("petitioners", List.of(Map.of("fullName", DENUNCIATOR, "address", "Xóm Bí Mật",
                "idNumber", "034567890123")));
        String id = Api.as(port, "officer").post("/api/petitions", body).text("id");
        LocalDate on = LocalDate.parse(receivedOn);
        assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", on.plusDays(1).toString())).status()).isEqualTo(200);
        assertThat(Api.as(port, "officer").post("/api/petitions/" + id + "/dialogues",
                Map.of("heldOn", on.plusDays(3).toString())).status()).isEqualTo(200);
        return id;
    }

    private JsonNode verify(String id) {
        Api.Response response = Api.as(port, "inspector").get("/api/petitions/" + id + "/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_untouched_petition_verifies() {
        String id = petitionWithSteps("2024-05-02", "DENUNCIATION");
        JsonNode result = verify(id);
        assertThat(result.path("status").asText()).isEqualTo("OK");
        assertThat(result.path("eventsChecked").asLong()).isEqualTo(3);
    }

    @Test
    void an_update_run_against_the_event_table_is_found_at_its_event() {
        String id = petitionWithSteps("2024-05-09", "COMPLAINT");
        int updated = jdbc.sql("""
                UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                    '2024-05-10', '2024-05-11'), 'UTF8')
                WHERE aggregate_identifier = :id AND sequence_number = 1""")
                .param("id", id).update();
        assertThat(updated).isEqualTo(1);
        JsonNode result = verify(id);
        assertThat(result.path("status").asText()).isEqualTo("BROKEN");
        assertThat(result.path("firstMismatch").path("sequence").asLong()).isEqualTo(1);
        assertThat(result.path("firstMismatch").path("problem").asText()).contains("altered");
    }

    @Test
    void a_delete_run_against_the_event_table_is_found() {
        String id = petitionWithSteps("2024-05-16", "COMPLAINT");
        jdbc.sql("DELETE FROM domainevententry WHERE aggregate_identifier = :id AND sequence_number = 1")
                .param("id", id).update();
        JsonNode middle = verify(id);
        assertThat(middle.path("status").asText()).isEqualTo("BROKEN");
        assertThat(middle.path("firstMismatch").path("sequence").asLong()).isEqualTo(1);

        String other = petitionWithSteps("2024-05-23", "COMPLAINT");
        jdbc.sql("DELETE FROM domainevententry WHERE aggregate_identifier = :id AND sequence_number = 2")
                .param("id", other).update();
        JsonNode last = verify(other);
        assertThat(last.path("status").asText()).isEqualTo("BROKEN");
        assertThat(last.path("firstMismatch").path("problem").asText()).contains("no longer in the event table");
    }

    @Test
    void a_personal_field_changed_in_the_event_table_is_found() {
        String id = petitionWithSteps("2024-05-30", "DENUNCIATION");
        jdbc.sql("""
                UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                    'Hà Văn Kín', 'Hà Văn Khác'), 'UTF8')
                WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", id).update();
        JsonNode result = verify(id);
        assertThat(result.path("status").asText()).isEqualTo("BROKEN");
        assertThat(result.path("firstMismatch").path("problem").asText()).contains("commitment");
    }

    @Test
    void a_lawful_erasure_of_personal_data_leaves_the_chain_intact() {
        String id = petitionWithSteps("2024-06-06", "COMPLAINT");
        jdbc.sql("""
                UPDATE domainevententry SET payload = convert_to(replace(replace(replace(convert_from(payload, 'UTF8'),
                    '"Hà Văn Kín"', 'null'), '"Xóm Bí Mật"', 'null'), '"034567890123"', 'null'), 'UTF8')
                WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", id).update();
        jdbc.sql("DELETE FROM event_salt WHERE event_identifier IN"
                        + " (SELECT event_identifier FROM domainevententry WHERE aggregate_identifier = :id)")
                .param("id", id).update();
        assertThat(verify(id).path("status").asText()).isEqualTo("OK");
    }

    /** First, before the other tests tamper with the database this export covers. */
    @Test
    @Order(1)
    void an_export_checks_out_with_python_alone_and_names_no_one(@TempDir Path dir) throws Exception {
        petitionWithSteps("2024-06-13", "DENUNCIATION");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/export?from=" + today + "&to=" + today))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("inspector:inspector".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Files.write(dir.resolve(entry.getName()), zip.readAllBytes());
            }
        }
        String events = Files.readString(dir.resolve("events.jsonl"));
        assertThat(events).doesNotContain(DENUNCIATOR).doesNotContain("Bí Mật").doesNotContain("034567890123")
                .contains("\"commitment\"");
        // Every line hashes to its listed hash, checked here without the service's code.
        List<String> lines = events.lines().toList();
        List<String> hashes = Files.readAllLines(dir.resolve("hashes.txt"));
        assertThat(lines).hasSameSizeAs(hashes).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lines.get(i).getBytes(StandardCharsets.UTF_8)));
            assertThat(hashes.get(i)).startsWith(digest);
        }

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed to run verify.py");
        assertThat(run(dir)).startsWith("OK");
        Files.writeString(dir.resolve("events.jsonl"), events.replaceFirst("Tài nguyên", "Tài nguyen"));
        assertThat(run(dir)).startsWith("BROKEN");
    }

    private static String run(Path dir) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "verify.py").directory(dir.toFile())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
