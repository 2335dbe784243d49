package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.commune.petition.PetitionApplication;
import vn.commune.petition.api.Api;

/** Events, views, counts and reference numbers survive a restart of the application on the same data. */
class RestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PetitionApplication.class)
                .run("--server.port=0", "--petition.db.data-dir=" + data.resolve("postgres"),
                        "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void everything_recorded_before_a_restart_is_there_after_it() {
        String id;
        String history;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            Api.Response received = Api.as(port, "officer")
                    .post("/api/petitions", Api.petition("2024-03-07", "RECOMMENDATION", "Đất đai"));
            assertThat(received.text("reference")).isEqualTo("2024-0001");
            id = received.text("id");
            assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/acceptance",
                    Map.of("acceptedOn", "2024-03-08")).status()).isEqualTo(200);
            assertThat(Api.as(port, "officer").post("/api/petitions/" + id + "/mediations",
                    Map.of("heldOn", "2024-03-14", "outcome", "SUCCEEDED")).status()).isEqualTo(200);
            history = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").body();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.as(port, "inspector")
                    .get("/api/counts?from=2024-01-01&to=2024-12-31").json().path("mediationSucceeded").asLong())
                    .isEqualTo(1));
        }

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            Api inspector = Api.as(port, "inspector");
            JsonNode view = inspector.get("/api/petitions/" + id).json();
            assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(view.path("version").asLong()).isEqualTo(2);
            assertThat(inspector.get("/api/petitions/" + id + "/history").body()).isEqualTo(history);
            JsonNode counts = inspector.get("/api/counts?from=2024-01-01&to=2024-12-31").json();
            assertThat(counts.path("received").asLong()).isEqualTo(1);
            assertThat(counts.path("accepted").asLong()).isEqualTo(1);
            assertThat(counts.path("mediationSucceeded").asLong()).isEqualTo(1);

            Api.Response next = Api.as(port, "officer")
                    .post("/api/petitions", Api.petition("2024-03-21", "FEEDBACK", "Điện"));
            assertThat(next.text("reference")).isEqualTo("2024-0002");
            assertThat(Api.as(port, "chair").post("/api/petitions/" + id + "/written-answer",
                    Map.of("answeredOn", "2024-03-22", "documentNumber", "7/UBND", "summary", "x")).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode after = inspector.get("/api/counts?from=2024-01-01&to=2024-12-31").json();
                assertThat(after.path("received").asLong()).isEqualTo(2);
                assertThat(after.path("resolved").asLong()).isEqualTo(1);
                assertThat(after.path("mediationSucceeded").asLong()).as("counted once, not again").isEqualTo(1);
            });
        }
    }
}
