package vn.commune.petition.api.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.commune.petition.PetitionApplication;
import vn.commune.petition.api.Api;

/**
 * A backup taken while the service runs, restored by the one command into an empty data directory,
 * gives back every petition as it was (same views, same counts, same histories), a verifying audit
 * chain, and reference numbers that go on from where they were, never handing one out again.
 */
class BackupRestoreTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreTest.class);

    /** How many petitions the backup holds; {@code -Dbackup.petitions=2000} to time a larger one. */
    private static final int PETITIONS = Integer.getInteger("backup.petitions", 120);

    private static final String YEAR = "/api/counts?from=2024-01-01&to=2024-12-31";

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(PetitionApplication.class)
                .run("--server.port=0", "--petition.db.data-dir=" + data, "--logging.level.root=WARN",
                        "--logging.level.vn.commune.petition.api.backup=INFO");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static int command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--logging.level.root=WARN");
        all.add("--logging.level.vn.commune.petition.api.backup=INFO");
        return BackupCommand.run(all.toArray(String[]::new));
    }

    /** Every petition's view, every history of a few, the year's counts and the whole chain's verification. */
    private static Map<String, String> everything(int port, List<String> ids) {
        Api inspector = Api.as(port, "inspector");
        Map<String, String> seen = new LinkedHashMap<>();
        for (int page = 0; page * 200 < PETITIONS; page++) {
            seen.put("page " + page, inspector.get("/api/petitions?size=200&page=" + page).body());
        }
        for (String id : ids.subList(0, 5)) {
            seen.put("history " + id, inspector.get("/api/petitions/" + id + "/history").body());
            seen.put("view " + id, inspector.get("/api/petitions/" + id).body());
        }
        seen.put("counts", inspector.get(YEAR).body());
        JsonNode verification = inspector.get("/api/audit/verification").json();
        assertThat(verification.path("status").asText()).as(verification.toString()).isEqualTo("OK");
        seen.put("verification", verification.path("status").asText() + " " + verification.path("eventsChecked").asLong());
        return seen;
    }

    @Test
    void a_backup_restored_into_an_empty_data_directory_gives_back_every_petition_and_a_verifying_chain()
            throws Exception {
        Path original = dir.resolve("original");
        Path restored = dir.resolve("restored");
        Path file = dir.resolve("backup.zip");
        List<String> ids = new ArrayList<>();
        Map<String, String> before;
        try (ConfigurableApplicationContext first = start(original)) {
            int port = port(first);
            LocalDate day = LocalDate.parse("2024-01-02");
            for (int i = 0; i < PETITIONS; i++) {
                String kind = List.of("COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "FEEDBACK").get(i % 4);
                Api.Response received = Api.officer(port)
                        .post("/api/petitions", Api.petition(day.plusDays(i % 300).toString(), kind, "Đất đai"));
                assertThat(received.status()).as(received.toString()).isEqualTo(201);
                String id = received.text("id");
                ids.add(id);
                if (i % 3 == 0) {
                    LocalDate on = day.plusDays(i % 300);
                    assertThat(Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                            Map.of("acceptedOn", on.plusDays(1).toString())).status()).isEqualTo(200);
                    assertThat(Api.officer(port).post("/api/petitions/" + id + "/dialogues",
                            Map.of("heldOn", on.plusDays(2).toString())).status()).isEqualTo(200);
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.as(port, "inspector").get(YEAR)
                    .json().path("received").asLong()).isEqualTo(PETITIONS));
            before = everything(port, ids);

            assertThat(command("--petition.db.data-dir=" + original, "--petition.backup.to=" + dir.resolve("refused.zip")))
                    .as("the command leaves alone the database of a running service").isEqualTo(1);
            assertThat(dir.resolve("refused.zip")).doesNotExist();
            assertThat(Api.as(port, "inspector").get(YEAR).status()).as("which goes on answering").isEqualTo(200);

            assertThat(Api.as(port, "inspector").get("/api/admin/backup").status()).isEqualTo(403);
            long started = System.nanoTime();
            HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/admin/backup"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofFile(file));
            log.info("GET /api/admin/backup of {} petitions: {} bytes in {} ms", PETITIONS, Files.size(file),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                    .matches("attachment; filename=\"petition-backup-\\d{8}-\\d{6}Z\\.zip\"");
            String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
            assertThat(response.headers().firstValue("Repr-Digest").orElseThrow()).isEqualTo("sha-256=:" + digest + ":");
        }
        JsonNode manifest = manifest(file);
        assertThat(rows(manifest, "domainevententry")).isEqualTo(PETITIONS + 2L * ((PETITIONS + 2) / 3));
        assertThat(manifest.path("flywayVersion").asText()).isNotBlank();
        assertThat(manifest.path("sequences").toString()).contains("petition_reference_2024")
                .contains("domainevententry_global_index_seq");

        assertThat(command("--petition.db.data-dir=" + original, "--petition.restore.from=" + file))
                .as("a data directory that holds a database is never restored into").isEqualTo(1);

        long started = System.nanoTime();
        assertThat(command("--petition.db.data-dir=" + restored, "--petition.restore.from=" + file)).isEqualTo(0);
        log.info("Restore of {} petitions by the command (embedded PostgreSQL started and stopped): {} ms", PETITIONS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        Path again = dir.resolve("again.zip");
        started = System.nanoTime();
        assertThat(command("--petition.db.data-dir=" + restored, "--petition.backup.to=" + again)).isEqualTo(0);
        log.info("Backup of {} petitions by the command (embedded PostgreSQL started and stopped): {} ms", PETITIONS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(again))).isEqualTo("rw-------");
        JsonNode copy = manifest(again);
        for (String table : List.of("domainevententry", "event_hash", "event_salt", "petition_view", "count_fact")) {
            assertThat(sha256(copy, table)).as(table + ": the restored rows are the backed-up ones")
                    .isEqualTo(sha256(manifest, table));
        }
        assertThat(command("--petition.db.data-dir=" + restored, "--petition.backup.to=" + again))
                .as("an existing file is never overwritten").isEqualTo(1);

        try (ConfigurableApplicationContext second = start(restored)) {
            int port = port(second);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(everything(port, ids)).isEqualTo(before));
            Api.Response next = Api.officer(port).post("/api/petitions", Api.petition("2024-12-02", "FEEDBACK", "Điện"));
            assertThat(next.status()).as(next.toString()).isEqualTo(201);
            assertThat(next.text("reference")).as("the year's numbers go on, none handed out again")
                    .isEqualTo(String.format("2024-%04d", PETITIONS + 1));
            JsonNode verification = Api.as(port, "inspector").get("/api/audit/verification").json();
            assertThat(verification.path("status").asText()).isEqualTo("OK");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.as(port, "inspector").get(YEAR)
                    .json().path("received").asLong()).isEqualTo(PETITIONS + 1));
        }
    }

    /**
     * Taken while petitions are being received, the backup is one moment of the database: whatever it
     * holds of a petition, it holds whole (its event, its hash, its view, its count), so the restored
     * chain verifies, every stored petition has its view and is counted, and the next reference number
     * is one no petition of the backup has.
     */
    @Test
    void a_backup_taken_while_petitions_are_received_is_one_moment_of_the_database() throws Exception {
        Path original = dir.resolve("busy");
        Path restored = dir.resolve("busy-restored");
        Path file = dir.resolve("busy.zip");
        try (ConfigurableApplicationContext first = start(original)) {
            int port = port(first);
            AtomicBoolean receiving = new AtomicBoolean(true);
            AtomicInteger received = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (receiving.get()) {
                    if (Api.officer(port).post("/api/petitions", Api.petition("2024-05-02", "FEEDBACK", "Điện"))
                            .status() == 201) {
                        received.incrementAndGet();
                    }
                }
            });
            writer.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= 20);
                HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/admin/backup"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofFile(file));
                assertThat(response.statusCode()).isEqualTo(200);
                int atBackup = received.get();
                await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= atBackup + 10);
            } finally {
                receiving.set(false);
                writer.join();
            }
            log.info("{} petitions received while the backup was taken", received.get());
        }
        assertThat(command("--petition.db.data-dir=" + restored, "--petition.restore.from=" + file)).isEqualTo(0);
        long events = rows(manifest(file), "domainevententry");
        assertThat(rows(manifest(file), "petition_view")).isEqualTo(events);
        assertThat(rows(manifest(file), "event_hash")).isEqualTo(events);

        try (ConfigurableApplicationContext second = start(restored)) {
            int port = port(second);
            Api inspector = Api.as(port, "inspector");
            JsonNode verification = inspector.get("/api/audit/verification").json();
            assertThat(verification.path("status").asText()).as(verification.toString()).isEqualTo("OK");
            assertThat(verification.path("eventsChecked").asLong()).isEqualTo(events);
            long total = inspector.get("/api/petitions?size=1").json().path("total").asLong();
            assertThat(total).isEqualTo(events);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(inspector
                    .get("/api/counts?from=2024-05-01&to=2024-05-31").json().path("received").asLong()).isEqualTo(total));
            String next = Api.officer(port).post("/api/petitions", Api.petition("2024-05-03", "FEEDBACK", "Điện"))
                    .text("reference");
            assertThat(Integer.parseInt(next.substring(5))).as("a number no restored petition has").isGreaterThan((int) total);
        }
    }

    private static JsonNode manifest(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new ObjectMapper().readTree(zip.getInputStream(zip.getEntry(DatabaseBackup.MANIFEST)));
        }
    }

    private static JsonNode table(JsonNode manifest, String name) {
        for (JsonNode table : manifest.path("tables")) {
            if (table.path("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("No table " + name + " in " + manifest);
    }

    private static long rows(JsonNode manifest, String name) {
        return table(manifest, name).path("rows").asLong();
    }

    private static String sha256(JsonNode manifest, String name) {
        return table(manifest, name).path("sha256").asText();
    }
}
