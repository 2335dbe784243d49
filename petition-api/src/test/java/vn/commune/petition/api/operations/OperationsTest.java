package vn.commune.petition.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** Health and metrics: our counters by bounded tags, Axon's processors, and no ids or names. */
@PetitionServiceTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void prometheus_shows_commands_rules_lag_and_axon_processors_without_ids_or_names() {
        Api.Response received = Api.as(port, "officer")
                .post("/api/petitions", Api.petition("2017-06-01", "COMPLAINT", "Đất đai"));
        String id = received.text("id");
        Api.Response refused = Api.as(port, "chair").post("/api/petitions/" + id + "/escalation",
                Map.of("escalatedOn", "2017-06-02", "to", "UBND huyện", "reason", "x"));
        assertThat(refused.status()).isEqualTo(409);

        Api.Response scrape = Api.as(port, "admin").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).contains("petition_commands_total{command=\"ReceivePetition\",outcome=\"handled\"");
        assertThat(metrics).contains("petition_commands_total{command=\"EscalatePetition\",outcome=\"rejected\"");
        assertThat(metrics).contains("petition_rule_rejections_total{rule=\"NOT_ACCEPTED\"");
        assertThat(metrics).contains("eventProcessor").contains("processorName=\"counts\"");
        assertThat(metrics).doesNotContain(id).doesNotContain("Phạm Thị Hoa");

        assertThat(Api.as(port, "officer").get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void health_is_open_and_shows_the_database_to_an_admin() {
        Api.Response open = Api.as(port, null, null).get("/actuator/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.text("status")).isEqualTo("UP");
        Api.Response admin = Api.as(port, "admin").get("/actuator/health");
        assertThat(admin.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }
}
