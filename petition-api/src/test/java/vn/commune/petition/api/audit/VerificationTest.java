package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;



/**
 * Verification compares a projection with a fresh replay as of one position, so that it is right
 * while steps are being recorded, and shows a difference by key and column, never by its values.
 * Its own database, since it tampers with it.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=verification", "petition.rebuild.batch-size=7"})
class VerificationTest {

    private static final String DENUNCIATOR = "Trần Văn Tố";
    private static final String ID_NUMBER = "001203004005";
    private static final String ADDRESS = "Số 9 ngõ Kín, Khu 2";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> denunciation() {
        Map<String, Object> body = Api.petition("2017-03-02", "DENUNCIATION", "Quản lý đất đai");
        body.put("petitioners", List.of(Map.of("fullName", DENUNCIATOR, "address", ADDRESS, "idNumber", ID_NUMBER)));
        return body;
    }

    @Test
    void a_verification_while_petitions_are_being_received_matches() throws Exception {
        Api officer = Api.officer(port);
        Api chair = Api.chair(port);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                Api.Response received = officer.post("/api/petitions", written.get() % 2 == 0 ? denunciation()
                        : Api.petition("2017-03-02", "RECOMMENDATION", "Đất đai"));
                Api.Response accepted = chair.post("/api/petitions/" + received.text("id") + "/acceptance",
                        Map.of("acceptedOn", "2017-03-03"));
                if (received.status() != 201 || accepted.status() != 200) {
                    synchronized (failures) {
                        failures.add(received + " / " + accepted);
                    }
                }
                written.incrementAndGet();
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 20);
            Api inspector = Api.as(port, "inspector");
            for (int round = 0; round < 3; round++) {
                for (String projection : List.of("petition-view", "counts")) {
                    int before = written.get();
                    JsonNode verified = Verifications.verify(port, "inspector", projection).json().path("verification");
                    assertThat(verified.path("status").asText()).as(projection + ": " + verified).isEqualTo("MATCH");
                    assertThat(written.get()).as("petitions were received during the verification").isGreaterThan(before);
                }
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_difference_is_shown_by_key_and_column_never_by_the_values_of_the_row() {
        Api officer = Api.officer(port);
        String changed = officer.post("/api/petitions", denunciation()).text("id");
        String removed = officer.post("/api/petitions", denunciation()).text("id");
        jdbc.sql("UPDATE petition_view SET status = 'ARCHIVED', petitioners = '[]' WHERE id = :id")
                .param("id", changed).update();
        jdbc.sql("DELETE FROM petition_view WHERE id = :id").param("id", removed).update();

        for (String role : List.of("inspector", "admin")) {
            Api.Response response = Verifications.verify(port, role, "petition-view");
            JsonNode verified = response.json().path("verification");
            assertThat(verified.path("status").asText()).as(response.toString()).isEqualTo("DIFFERENT");
            assertThat(verified.path("differencesFound").asLong()).isEqualTo(2);
            JsonNode differences = verified.path("differences");
            assertThat(differences).hasSize(2);
            for (JsonNode difference : differences) {
                assertThat(difference.path("table").asText()).isEqualTo("petition_view");
                String id = difference.path("key").path("id").asText();
                if (id.equals(changed)) {
                    assertThat(difference.path("onlyIn").isNull()).isTrue();
                    assertThat(difference.path("columns").toString()).isEqualTo("[\"status\",\"petitioners\"]");
                } else {
                    assertThat(id).isEqualTo(removed);
                    assertThat(difference.path("onlyIn").asText()).isEqualTo("rebuilt");
                }
            }
            assertThat(response.body()).doesNotContain(DENUNCIATOR).doesNotContain(ID_NUMBER).doesNotContain(ADDRESS)
                    .doesNotContain("Quản lý đất đai").doesNotContain("RECEIVED");
        }

        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/admin/projections/petition-view/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(admin.get("/api/admin/projections/petition-view/rebuild").text("state")));
        assertThat(Verifications.status(port, "admin", "petition-view")).isEqualTo("MATCH");
    }

    /**
     * The buckets (V18_4) are kept by triggers on the live tables and computed at once from the
     * replayed rows by a verification: a bucket kept wrong is found, and a rebuild puts it right.
     */
    @Test
    void a_bucket_the_triggers_kept_wrong_is_found() {
        Api officer = Api.officer(port);
        assertThat(officer.post("/api/petitions", Api.petition("2017-05-10", "FEEDBACK", "Giao thông")).status())
                .isEqualTo(201);
        Api inspector = Api.as(port, "inspector");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                inspector.get("/api/counts?from=2017-05-10&to=2017-05-10").json().path("received").asLong() >= 1);
        assertThat(jdbc.sql("UPDATE count_bucket SET received = received + 1 WHERE span = 'D' AND starts_on = '2017-05-10'")
                .update()).isEqualTo(1);

        JsonNode verified = Verifications.verify(port, "inspector", "counts").json().path("verification");
        assertThat(verified.path("status").asText()).as(verified.toString()).isEqualTo("DIFFERENT");
        assertThat(verified.path("differences")).hasSize(1);
        JsonNode difference = verified.path("differences").get(0);
        assertThat(difference.path("table").asText()).isEqualTo("count_bucket");
        assertThat(difference.path("key").path("starts_on").asText()).isEqualTo("2017-05-10");
        assertThat(difference.path("columns").toString()).isEqualTo("[\"received\"]");

        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/admin/projections/counts/rebuild?method=handlers", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(admin.get("/api/admin/projections/counts/rebuild").text("state")));
        assertThat(Verifications.status(port, "admin", "counts")).isEqualTo("MATCH");
    }
}
