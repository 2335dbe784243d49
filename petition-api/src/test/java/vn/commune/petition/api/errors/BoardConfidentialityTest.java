package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The People's Inspection Board (Ban Thanh tra nhân dân) reads every petition, list, history,
 * count and report, and sees no one: no petitioner's name, address, ID number or phone, of any kind
 * of petition, however it was received. It writes nothing.
 */
@PetitionServiceTest
class BoardConfidentialityTest {

    private static final List<String> KINDS = List.of("COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "FEEDBACK");
    private static final String RECEIVED_ON = "2021-03-04";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    /** Every personal value typed in for this run, each made up for it. */
    private final List<String> personal = new ArrayList<>();
    /** The petitions of this run: one of each kind by post, and one received at a reception session. */
    private final List<String> ids = new ArrayList<>();
    private String session;

    private Map<String, Object> person(String kind) {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String name = "Võ Thị Bảng " + kind.charAt(0) + n;
        String address = "Số " + n + ", ngõ Hòe, Khu 4";
        String idNumber = "079" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        String phone = "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        personal.addAll(List.of(name, address, idNumber, phone));
        return Map.of("fullName", name, "address", address, "idNumber", idNumber, "phone", phone);
    }

    @BeforeEach
    void petitionsOfEveryKind() {
        Api officer = Api.officer(port);
        for (String kind : KINDS) {
            Map<String, Object> body = Api.petition(RECEIVED_ON, kind, "Đất đai");
            body.put("petitioners", List.of(person(kind), person(kind)));
            Api.Response received = officer.post("/api/petitions", body);
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            ids.add(received.text("id"));
        }
        // Steps, so that the histories hold more than the receipt.
        String complaint = ids.get(0);
        assertThat(Api.chair(port).post("/api/petitions/" + complaint + "/acceptance",
                Map.of("acceptedOn", "2021-03-05")).status()).isEqualTo(200);
        assertThat(officer.post("/api/petitions/" + complaint + "/mediations",
                Map.of("heldOn", "2021-03-10", "outcome", "FAILED")).status()).isEqualTo(200);

        Api.Response opened = officer.post("/api/sessions", Map.of("heldOn", RECEIVED_ON, "kind", "AD_HOC",
                "host", "Phó Chủ tịch UBND", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        session = opened.text("id");
        Map<String, Object> visit = new HashMap<>();
        visit.put("people", 1);
        visit.put("group", false);
        visit.put("repeat", false);
        visit.put("kind", "DENUNCIATION");
        visit.put("summary", "Tố cáo cán bộ địa chính");
        visit.put("outcome", "PETITION_RECEIVED");
        visit.put("petition", Map.of("kind", "DENUNCIATION", "field", "Đất đai", "summary", "Tố cáo cán bộ địa chính",
                "petitioners", List.of(person("VISIT")), "ward", "Khu 4"));
        Api.Response logged = officer.post("/api/sessions/" + session + "/visits", visit);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        ids.add(logged.json().path("petition").path("id").asText());
    }

    private void seesNoOne(Api.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(200);
        for (String value : personal) {
            assertThat(response.body()).as(what).doesNotContain(value);
        }
    }

    /** Every petitioner of a petition view is a placeholder, with no address, ID number or phone. */
    private static void masked(JsonNode view) {
        assertThat(view.path("petitioners")).as(view.path("reference").asText()).allSatisfy(person -> {
            assertThat(person.path("fullName").asText()).endsWith("(bảo mật)");
            assertThat(person.path("address").isNull()).isTrue();
            assertThat(person.path("idNumber").isNull()).isTrue();
            assertThat(person.path("phone").isNull()).isTrue();
        });
    }

    @Test
    void the_board_reads_every_petition_list_and_history_and_sees_no_petitioner_of_any_kind() {
        Api board = Api.as(port, "board");
        for (String id : ids) {
            Api.Response view = board.get("/api/petitions/" + id);
            seesNoOne(view, "the view");
            assertThat(view.json().path("petitioners")).isNotEmpty();
            masked(view.json());
            seesNoOne(board.get("/api/petitions/" + id + "?asOf=2021-03-06"), "as of a day");
            seesNoOne(board.get("/api/petitions/" + id + "?asOf=2021-03-06&knownAt=" + Instant.now()), "as known");
            Api.Response history = board.get("/api/petitions/" + id + "/history");
            seesNoOne(history, "the history");
            JsonNode receipt = history.json().path("events").get(0);
            assertThat(receipt.path("type").asText()).isEqualTo("PetitionReceived");
            assertThat(receipt.path("data").path("petitioners")).isNotEmpty()
                    .allSatisfy(person -> assertThat(person.path("hidden").asBoolean()).isTrue());
        }
        assertThat(board.get("/api/petitions/" + ids.get(0)).json().path("petitioners").get(1).path("fullName").asText())
                .as("a complainant is numbered, not named").isEqualTo("Người gửi đơn 2 (bảo mật)");
        assertThat(board.get("/api/petitions/" + ids.get(1)).json().path("petitioners").get(0).path("fullName").asText())
                .isEqualTo("Người tố cáo 1 (bảo mật)");
        assertThat(board.get("/api/petitions/" + ids.get(0) + "/history").json().path("events")).hasSize(3);

        for (String kind : KINDS) {
            Api.Response list = board.get("/api/petitions?kind=" + kind + "&from=2021-03-01&to=2021-03-31&size=100");
            seesNoOne(list, "the list of " + kind);
            assertThat(list.json().path("items")).isNotEmpty().allSatisfy(BoardConfidentialityTest::masked);
        }
        Set<String> listed = new TreeSet<>();
        long total = 1;
        for (int page = 0; (long) page * 1000 < total; page++) {
            Api.Response overdue = board.get("/api/petitions/overdue?asOf=2021-12-31&size=1000&page=" + page);
            seesNoOne(overdue, "the overdue list");
            total = overdue.json().path("total").asLong();
            overdue.json().path("items").forEach(item -> {
                listed.add(item.path("id").asText());
                masked(item);
            });
        }
        assertThat(listed).as("this run's petitions, open, are overdue by then").containsAll(ids);
        seesNoOne(board.get("/api/counts?from=2021-01-01&to=2021-12-31"), "the counts");
        seesNoOne(board.get("/api/reports?from=2021-01-01&to=2021-12-31"), "the report");
        seesNoOne(board.get("/api/reports?from=2021-01-01&to=2021-12-31&format=csv"), "the report as CSV");

        // The test can fail: the chair, handling the cases, sees them all.
        Api chair = Api.chair(port);
        StringBuilder seenByChair = new StringBuilder();
        for (String id : ids) {
            seenByChair.append(chair.get("/api/petitions/" + id).body())
                    .append(chair.get("/api/petitions/" + id + "/history").body());
        }
        assertThat(seenByChair.toString()).contains(personal);
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + ids.get(0)).body())
                .as("the inspector sees a complainant").contains(personal.get(0));
    }

    @Test
    void the_board_has_no_session_audit_or_admin_route() {
        Api board = Api.as(port, "board");
        for (String path : List.of("/api/sessions?from=2021-03-01&to=2021-03-31", "/api/sessions/" + session,
                "/api/sessions/schedule?from=2021-03-01&to=2021-03-31", "/api/petitions/" + ids.get(0) + "/verification",
                "/api/audit/verification", "/api/audit/seals", "/api/audit/export?from=2021-01-01&to=2021-12-31",
                "/api/admin/projections", "/api/admin/dead-letters", "/actuator/prometheus")) {
            Api.Response response = board.get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            for (String value : personal) {
                assertThat(response.body()).as(path).doesNotContain(value);
            }
        }
    }

    @Test
    void every_write_answers_403_to_the_board_and_writes_nothing() {
        String fresh = ids.get(1);
        Map<String, String> variables = Map.of("/api/petitions/", fresh, "/api/sessions/", session,
                "/api/admin/projections/", "counts", "/api/admin/dead-letters/", "counts");
        // A body a chair's request would succeed with, where one is at hand; the rest get an empty object.
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("/api/petitions", Api.petition(RECEIVED_ON, "FEEDBACK", "Môi trường"));
        bodies.put("/api/petitions/" + fresh + "/acceptance", Map.of("acceptedOn", "2021-03-05"));
        long events = events();
        Set<String> refused = new TreeSet<>();
        Api board = Api.as(port, "board");
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (!methods.contains(RequestMethod.POST)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/") || pattern.startsWith("/api/public/")) {
                        continue;
                    }
                    String path = pattern;
                    for (Map.Entry<String, String> variable : variables.entrySet()) {
                        if (path.startsWith(variable.getKey())) {
                            path = path.replaceFirst("\\{[^}]*}", variable.getValue());
                        }
                    }
                    Api.Response response = board.post(path, bodies.getOrDefault(path, Map.of()));
                    assertThat(response.status()).as("POST " + path + ": " + response).isEqualTo(403);
                    refused.add(pattern);
                }
            }
        }
        assertThat(refused).as("every write of the API was tried").contains("/api/petitions", "/api/petitions/{id}/acceptance",
                "/api/petitions/{id}/withdrawal", "/api/petitions/{id}/suspension", "/api/petitions/{id}/partial-withdrawal", "/api/sessions", "/api/sessions/{id}/visits", "/api/dossiers/import",
                "/api/audit/seals", "/api/admin/projections/{name}/rebuild");
        assertThat(events()).as("no event stored").isEqualTo(events);
        assertThat(Api.officer(port).get("/api/petitions/" + fresh).json().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(Api.chair(port).post("/api/petitions/" + fresh + "/acceptance", bodies.get("/api/petitions/" + fresh
                + "/acceptance")).status()).as("the chair's same request succeeds").isEqualTo(200);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
