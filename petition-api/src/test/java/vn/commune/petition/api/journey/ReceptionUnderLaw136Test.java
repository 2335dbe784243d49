package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.pages.PageSessions;

/**
 * Citizen reception from Luật 136/2025/QH15 (1 July 2026), through the API: online sessions, the
 * visitor's identity (required in person, confidential), and the Chairman's monthly minimum in the
 * schedule and the report, beside a month of 2024 still judged Thursday by Thursday. Months no other
 * test uses: September 2024, September and October 2026.
 */
@PetitionServiceTest
class ReceptionUnderLaw136Test {

    private static final String NAME = "Trương Thị Kín Đáo";
    private static final String ADDRESS = "Số 9 ngõ Bảo Mật, thôn Đông";
    private static final String ID_NUMBER = "079188004321";

    @LocalServerPort
    int port;

    private String open(String heldOn, String kind, boolean inPerson) {
        Api.Response opened = Api.officer(port).post("/api/sessions", Map.of("heldOn", heldOn, "kind", kind,
                "host", "Chủ tịch UBND xã", "hostedInPerson", inPerson));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("id");
    }

    private static Map<String, Object> visit(String kind, Map<String, Object> visitor) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("people", 1);
        visit.put("group", false);
        visit.put("repeat", false);
        visit.put("kind", kind);
        visit.put("summary", "Tố cáo cán bộ địa chính");
        visit.put("outcome", "GUIDED");
        if (visitor != null) {
            visit.put("visitor", visitor);
        }
        return visit;
    }

    private static Map<String, Object> identity() {
        return Map.of("fullName", NAME, "address", ADDRESS, "idNumber", ID_NUMBER);
    }

    private JsonNode month(String from, String to, String month) {
        JsonNode schedule = Api.as(port, "inspector").get("/api/sessions/schedule?from=" + from + "&to=" + to).json();
        for (JsonNode entry : schedule.path("months")) {
            if (entry.path("month").asText().equals(month)) {
                return entry;
            }
        }
        throw new AssertionError("no month " + month + " in " + schedule);
    }

    @Test
    void september_2026_with_one_periodic_session_in_person_is_short_of_the_monthly_minimum_and_with_two_met() {
        open("2026-09-03", "PERIODIC", true);
        // Neither a delegated periodic session nor one of the officers counts toward the Chairman's days.
        open("2026-09-10", "PERIODIC", false);
        open("2026-09-11", "REGULAR", true);
        JsonNode september = month("2026-09-01", "2026-09-30", "2026-09");
        assertThat(september.path("rule").asText()).isEqualTo("TWO_DAYS_A_MONTH");
        assertThat(september.path("required").asLong()).isEqualTo(2);
        assertThat(september.path("periodicHeld").asLong()).isEqualTo(1);
        assertThat(september.path("met").isBoolean()).isTrue();
        assertThat(september.path("met").asBoolean()).isFalse();

        JsonNode published = Api.as(port, "inspector").get("/api/public/figures?from=2026-09-01&to=2026-09-30").json();
        assertThat(published.path("reception").path("monthsShort").asLong()).isEqualTo(1);
        assertThat(published.path("months").get(0).path("receptionRequired").asLong()).isEqualTo(2);
        assertThat(published.path("months").get(0).path("receptionHeld").asLong()).isEqualTo(1);
        assertThat(published.path("months").get(0).path("receptionMet").asBoolean(true)).isFalse();

        JsonNode report = Api.as(port, "chair").get("/api/reports?year=2026&quarter=3").json();
        assertThat(report.path("narrative").asText()).contains("09/2026 (01/2 ngày)")
                .contains("Luật 136/2025/QH15");

        open("2026-09-24", "PERIODIC", true);
        september = month("2026-09-15", "2026-09-20", "2026-09");
        assertThat(september.path("periodicHeld").asLong()).isEqualTo(2);
        assertThat(september.path("met").asBoolean()).isTrue();
        assertThat(Api.as(port, "chair").get("/api/reports?year=2026&quarter=3").json().path("narrative").asText())
                .doesNotContain("09/2026");
        assertThat(Api.as(port, "chair").get("/api/reports?year=2026&quarter=3&lang=en").json()
                .path("narrativeEn").asText()).doesNotContain("2026-09");
    }

    @Test
    void september_2024_is_judged_thursday_by_thursday_as_before() {
        open("2024-09-05", "PERIODIC", true);
        open("2024-09-19", "REGULAR", false);
        JsonNode schedule = Api.as(port, "inspector").get("/api/sessions/schedule?from=2024-09-01&to=2024-09-30").json();
        assertThat(schedule.path("days").findValuesAsText("day"))
                .containsExactly("2024-09-05", "2024-09-12", "2024-09-19", "2024-09-26");
        assertThat(schedule.path("days").findValuesAsText("status")).containsExactly("HELD", "MISSED", "HELD", "MISSED");
        JsonNode september = schedule.path("months").get(0);
        assertThat(schedule.path("months")).hasSize(1);
        assertThat(september.path("month").asText()).isEqualTo("2024-09");
        assertThat(september.path("rule").asText()).isEqualTo("EVERY_SCHEDULED_DAY");
        assertThat(september.path("required").asLong()).isEqualTo(4);
        assertThat(september.path("periodicHeld").asLong()).isEqualTo(2);
        assertThat(september.path("met").asBoolean()).isFalse();
        // A visit before the law needs no identity.
        String session = open("2024-09-26", "PERIODIC", true);
        assertThat(Api.officer(port).post("/api/sessions/" + session + "/visits", visit("FEEDBACK", null)).status())
                .isEqualTo(201);
        assertThat(month("2024-09-01", "2024-09-30", "2024-09").path("periodicHeld").asLong()).isEqualTo(3);
    }

    @Test
    void a_month_with_a_thursday_holiday_requires_only_the_working_thursdays() {
        // April 2024: Thursday the 18th was the Hùng Kings' day, so 3 of its 4 Thursdays were due.
        assertThat(month("2024-04-01", "2024-04-30", "2024-04").path("required").asLong()).isEqualTo(3);
    }

    @Test
    void online_reception_opens_only_from_the_law_and_its_visits_need_no_identity() {
        Api.Response early = Api.officer(port).post("/api/sessions", Map.of("heldOn", "2026-06-30", "kind", "ONLINE",
                "host", "Cán bộ tiếp dân", "hostedInPerson", false));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("rule").asText()).isEqualTo("NOT_YET_IN_FORCE");

        String online = open("2026-10-01", "ONLINE", false);
        Api.Response logged = Api.officer(port).post("/api/sessions/" + online + "/visits", visit("FEEDBACK", null));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(Api.officer(port).get("/api/sessions/" + online).json().path("kind").asText()).isEqualTo("ONLINE");
    }

    @Test
    void from_the_law_a_visit_in_person_gives_a_valid_identity_or_is_refused() {
        String session = open("2026-10-08", "REGULAR", false);
        Api.Response anonymous = Api.officer(port).post("/api/sessions/" + session + "/visits",
                visit("DENUNCIATION", null));
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(409);
        assertThat(anonymous.json().path("rule").asText()).isEqualTo("VISITOR_IDENTITY_REQUIRED");

        Api.Response invalid = Api.officer(port).post("/api/sessions/" + session + "/visits", visit("DENUNCIATION",
                Map.of("fullName", "x".repeat(201), "address", " ", "idNumber", "12345")));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>(invalid.json().path("errors").findValuesAsText("field"));
        assertThat(fields).contains("visitor.fullName", "visitor.address", "visitor.idNumber");
        assertThat(invalid.body()).doesNotContain("12345");

        assertThat(Api.officer(port).post("/api/sessions/" + session + "/visits", visit("DENUNCIATION",
                Map.of("fullName", NAME, "address", ADDRESS, "idNumber", "B1234567"))).status()).isEqualTo(201);
        assertThat(Api.officer(port).get("/api/sessions/" + session).json().path("visits")).hasSize(1);
    }

    @Test
    void the_visitors_identity_is_seen_by_officers_and_the_chair_never_by_an_inspector_nor_in_the_audit_export() throws Exception {
        String session = open("2026-10-15", "PERIODIC", true);
        Api.Response logged = Api.officer(port).post("/api/sessions/" + session + "/visits",
                visit("DENUNCIATION", identity()));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().path("visit").path("visitor").path("idNumber").asText()).isEqualTo(ID_NUMBER);

        for (String user : List.of("officer", "chair")) {
            JsonNode visitor = Api.as(port, user).get("/api/sessions/" + session).json().path("visits").get(0)
                    .path("visitor");
            assertThat(visitor.path("fullName").asText()).as(user).isEqualTo(NAME);
            assertThat(visitor.path("address").asText()).as(user).isEqualTo(ADDRESS);
        }
        Api inspector = Api.as(port, "inspector");
        for (Api.Response read : List.of(inspector.get("/api/sessions/" + session),
                inspector.get("/api/sessions?from=2026-10-15&to=2026-10-15"))) {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(NAME).doesNotContain(ADDRESS).doesNotContain(ID_NUMBER)
                    .contains("(bảo mật)");
        }
        RawHttp.Response register = page("/sessions/" + session + "/register", "inspector");
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER).contains("(bảo mật)");
        RawHttp.Response officerRegister = page("/sessions/" + session + "/register", "officer");
        assertThat(officerRegister.status()).isEqualTo(200);
        assertThat(officerRegister.body()).contains(NAME).contains(ID_NUMBER);

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/export?from=" + today + "&to=" + today))
                .header("Authorization", basic("inspector")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        String events = "";
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("events.jsonl")) {
                    events = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(events).contains(session).contains("\"visitor\"")
                .doesNotContain(NAME).doesNotContain(ADDRESS).doesNotContain(ID_NUMBER);
    }

    private RawHttp.Response page(String path, String user) {
        String cookie = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", user, user));
        return RawHttp.request("GET", path).header("Cookie", cookie).from("127.0.0.1").send(port);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
