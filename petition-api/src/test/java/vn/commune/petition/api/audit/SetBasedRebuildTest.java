package vn.commune.petition.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.domain.petition.PetitionEvent;

/**
 * The set-based rebuilds of the counts and the petition view write, from every type of petition
 * event, the tables their handlers write: a verification, which replays the handlers, finds them
 * equal. Petitions keep coming in while they run, and some positions of the event store are gaps.
 * Its own database: a poison event elsewhere would stop every replay.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=set-based-rebuild", "petition.rebuild.batch-size=7"})
class SetBasedRebuildTest {

    private static final String YEAR = "2016";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String receive(String on, String kind, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition(YEAR + "-" + on, kind, "Đất đai"));
        body.putAll(changes);
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private void step(Api who, String id, String step, Map<String, Object> body) {
        Map<String, Object> dated = new HashMap<>();
        body.forEach((field, value) -> dated.put(field, value instanceof String date && date.matches("\\d\\d-\\d\\d")
                ? YEAR + "-" + date : value));
        Api.Response done = who.post("/api/petitions/" + id + "/" + step, dated);
        assertThat(done.status()).as(step + ": " + done).isEqualTo(200);
    }

    private JsonNode rebuild(String projection, String query) {
        Api admin = Api.as(port, "admin");
        Api.Response started = admin.post("/api/admin/projections/" + projection + "/rebuild" + query, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        // From the 202 on, the progress is this run's, not the last one's.
        JsonNode now = admin.get("/api/admin/projections/" + projection + "/rebuild").json();
        assertThat(now.path("kind").asText()).as(now.toString()).isEqualTo("REBUILD");
        assertThat(now.path("method").asText()).isEqualTo(query.isEmpty() ? "SQL" : "HANDLERS");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"RUNNING".equals(admin.get("/api/admin/projections/" + projection + "/rebuild").text("state")));
        JsonNode run = admin.get("/api/admin/projections/" + projection + "/rebuild").json();
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("DONE");
        return run;
    }

    private void assertVerified(String projection) {
        JsonNode verified = Verifications.verify(port, "inspector", projection).json().path("verification");
        assertThat(verified.path("status").asText()).as(verified.toString()).isEqualTo("MATCH");
    }

    private long received() {
        return Api.as(port, "inspector").get("/api/counts?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31").json()
                .path("received").asLong();
    }

    @Test
    void every_step_is_written_by_sql_as_the_handlers_write_it_while_petitions_keep_coming() throws Exception {
        String session = Api.officer(port).post("/api/sessions", Map.of("heldOn", YEAR + "-02-25", "kind", "PERIODIC",
                "host", "Chủ tịch UBND thị trấn", "hostedInPerson", true)).text("id");

        String answered = receive("03-01", "RECOMMENDATION", Map.of("sessionId", session));
        step(Api.chair(port), answered, "acceptance", Map.of("acceptedOn", "03-02", "complex", true,
                "especiallyComplex", false));
        step(Api.officer(port), answered, "mediations", Map.of("heldOn", "03-05", "outcome", "FAILED", "notes",
                "Chưa thống nhất"));
        step(Api.officer(port), answered, "dialogues", Map.of("heldOn", "03-06", "minutesRef", "BB-01"));
        step(Api.chair(port), answered, "advisory-council", Map.of("heldOn", "03-07"));
        step(Api.chair(port), answered, "extensions",
                Map.of("extendedOn", "03-08", "days", 10, "reason", "Phức tạp"));
        step(Api.officer(port), answered, "mediations", Map.of("heldOn", "03-09", "outcome", "SUCCEEDED"));
        step(Api.chair(port), answered, "written-answer", Map.of("answeredOn", "03-10", "documentNumber", "12/UBND",
                "summary", "Trả lời"));

        step(Api.chair(port), receive("03-02", "FEEDBACK", Map.of()), "forwarding",
                Map.of("forwardedOn", "03-03", "to", "Công an huyện", "reason", "Không thuộc thẩm quyền"));
        step(Api.chair(port), receive("03-02", "RECOMMENDATION", Map.of()), "guidance",
                Map.of("guidedOn", "03-04", "to", "Tòa án nhân dân huyện"));
        step(Api.chair(port), receive("03-03", "COMPLAINT", Map.of()), "rejection",
                Map.of("rejectedOn", "03-05", "legalGround", "Khoản 1 Điều 11 Luật Khiếu nại"));
        // Positions of the event store taken and never written, as a rolled-back receipt leaves them.
        for (int gap = 0; gap < 3; gap++) {
            jdbc.sql("SELECT nextval('domainevententry_global_index_seq')").query(Long.class).single();
        }
        String escalated = receive("03-03", "RECOMMENDATION", Map.of("ward", "Khu 2"));
        step(Api.chair(port), escalated, "acceptance", Map.of("acceptedOn", "03-04"));
        step(Api.officer(port), escalated, "mediations", Map.of("heldOn", "03-07", "outcome", "FAILED"));
        step(Api.chair(port), escalated, "escalation", Map.of("escalatedOn", "03-09", "to", "UBND huyện",
                "reason", "Hòa giải không thành"));
        step(Api.officer(port), receive("03-04", "FEEDBACK", Map.of()), "withdrawal",
                Map.of("withdrawnOn", "03-06", "reason", "Công dân rút đơn"));
        step(Api.chair(port), receive("03-04", "FEEDBACK", Map.of()), "archival",
                Map.of("archivedOn", "03-08", "reason", "Đơn trùng"));
        // Luật 136/2025/QH15 (from 1 July 2026): complaints suspended and resumed, withdrawn in part,
        // terminated, and one still suspended.
        for (String fate : List.of("resumed", "terminated", "suspended")) {
            String complaint = receive("07-07", "COMPLAINT", Map.of("receivedOn", "2026-07-07"));
            step(Api.chair(port), complaint, "acceptance", Map.of("acceptedOn", "2026-07-08"));
            step(Api.chair(port), complaint, "suspension", Map.of("suspendedOn", "2026-07-20", "reason", "Chờ giám định"));
            switch (fate) {
                case "resumed" -> {
                    step(Api.chair(port), complaint, "resumption", Map.of("resumedOn", "2026-07-30"));
                    step(Api.officer(port), complaint, "partial-withdrawal", Map.of("withdrawnOn", "2026-08-03",
                            "content", "Yêu cầu bồi thường"));
                }
                case "terminated" -> step(Api.chair(port), complaint, "termination", Map.of("terminatedOn",
                        "2026-07-22", "legalGround", "Điều 11a Luật Khiếu nại"));
                default -> { }
            }
        }
        Map<String, Object> denunciation = new HashMap<>();
        denunciation.put("petitioners", List.of(Map.of("fullName", "Người tố cáo", "address", "Khu 3",
                "idNumber", "012345678901", "phone", "0912 345 678")));
        denunciation.put("ward", null);
        step(Api.chair(port), receive("03-05", "DENUNCIATION", denunciation), "acceptance", Map.of("acceptedOn",
                "03-06"));
        String handedIn = receive("03-06", "RECOMMENDATION", Map.of("handedOver",
                List.of(Map.of("title", "Biên bản họp dân", "pages", 3, "original", true))));
        step(Api.officer(port), handedIn, "lookup-code", Map.of());
        assertThat(Api.officer(port).put("/api/petitions/" + handedIn + "/handed-over/1/scan", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).status()).isEqualTo(200);

        Set<String> types = new java.util.TreeSet<>(jdbc.sql("""
                SELECT DISTINCT substring(payload_type from '[^.]+$') FROM domainevententry WHERE type = 'Petition'
                """).query(String.class).list());
        assertThat(types).as("every type of petition event is stored").isEqualTo(PetitionEvent.types().stream()
                .map(Class::getSimpleName).collect(Collectors.toCollection(java.util.TreeSet::new)));
        long before = jdbc.sql("SELECT count(*) FROM petition_view WHERE received_on BETWEEN '2016-01-01' AND"
                + " '2016-12-31'").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> received() == before);

        // Petitions keep coming while the read models are rebuilt: the handlers apply those the
        // statements did not see, and nothing is lost or written twice.
        AtomicBoolean receiving = new AtomicBoolean(true);
        AtomicInteger late = new AtomicInteger();
        List<Integer> failures = new ArrayList<>();
        Thread desk = new Thread(() -> {
            while (receiving.get()) {
                Api.Response response = Api.officer(port).post("/api/petitions", Api.petition(YEAR + "-04-01",
                        "FEEDBACK",
                        "Môi trường"));
                if (response.status() == 201) {
                    late.incrementAndGet();
                } else {
                    synchronized (failures) {
                        failures.add(response.status());
                    }
                }
            }
        });
        desk.start();
        try {
            JsonNode counts = rebuild("counts", "");
            assertThat(counts.path("method").asText()).isEqualTo("SQL");
            JsonNode view = rebuild("petition-view", "");
            assertThat(view.path("method").asText()).isEqualTo("SQL");
        } finally {
            receiving.set(false);
            desk.join();
        }
        assertThat(failures).isEmpty();
        assertThat(late.get()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> received() == before + late.get());
        assertVerified("counts");
        assertVerified("petition-view");

        JsonNode byHandlers = rebuild("counts", "?method=handlers");
        assertThat(byHandlers.path("method").asText()).isEqualTo("HANDLERS");
        assertThat(received()).isEqualTo(before + late.get());
        assertVerified("counts");
    }

    @Test
    void a_rebuild_method_that_does_not_exist_or_does_not_apply_is_refused() {
        Api admin = Api.as(port, "admin");
        Api.Response unknown = admin.post("/api/admin/projections/counts/rebuild?method=fast", "");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().path("errors").toString()).contains("method");
        Api.Response none = admin.post("/api/admin/projections/session-view/rebuild?method=sql", "");
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.json().path("errors").toString()).contains("set-based");
    }
}
