package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Every date a request brings, in its query or its body, is a day from 2000-01-01 to 2100-12-31
 * (an instant, within those years): anything else is 400 with the field named, at once, and
 * nothing is written. Uses the year 2012.
 */
@PetitionServiceTest
class DateBoundsTest {

    /** The last day of the largest year a date can be written with, URL-encoded. */
    private static final String FAR = "%2B999999999-12-31";
    private static final String FAR_INSTANT = "%2B999999999-12-31T00:00:00Z";

    @LocalServerPort
    int port;

    private Api inspector() {
        return Api.as(port, "inspector");
    }

    /** Asserts a 400 Problem Details naming exactly these fields. */
    private static void refused(Api.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.toString())
                .containsExactlyInAnyOrder(fields);
    }

    /** Every event stored, petitions' and sessions' alike: what a request must not change when refused. */
    private long events() {
        Api.Response verification = inspector().get("/api/audit/verification");
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        return verification.json().path("eventsChecked").asLong();
    }

    private String receive(String on) {
        Api.Response response = Api.officer(port).post("/api/petitions", Api.petition(on, "COMPLAINT", "Đất đai"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    @Test
    void the_overdue_list_far_in_the_future_is_refused_at_once() {
        receive("2012-02-01");
        refused(inspector().get("/api/petitions/overdue?asOf=9999-12-31"), "asOf");
        refused(inspector().get("/api/petitions/overdue?asOf=" + FAR), "asOf");
        refused(inspector().get("/api/petitions/overdue?asOf=1999-12-31"), "asOf");
        Api.Response last = inspector().get("/api/petitions/overdue?asOf=2100-12-31");
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.json().path("items")).isNotEmpty();
    }

    @Test
    void a_date_out_of_range_in_any_query_is_refused_with_its_field_named() {
        String id = receive("2012-03-01");
        refused(inspector().get("/api/petitions/" + id + "?asOf=" + FAR), "asOf");
        refused(inspector().get("/api/petitions/" + id + "?asOf=1999-12-31"), "asOf");
        refused(inspector().get("/api/petitions/" + id + "?knownAt=" + FAR_INSTANT), "knownAt");
        refused(inspector().get("/api/petitions/" + id + "?knownAt=1999-12-31T23:59:59Z"), "knownAt");
        refused(inspector().get("/api/petitions?from=1999-12-31&to=" + FAR), "from", "to");
        refused(inspector().get("/api/counts?from=1999-12-31&to=2012-12-31"), "from");
        refused(inspector().get("/api/counts?from=2012-01-01&to=2101-01-01"), "to");
        refused(inspector().get("/api/counts?from=2012-01-01&to=2012-12-31&knownAt=" + FAR_INSTANT), "knownAt");
        refused(inspector().get("/api/counts?from=2012-01-01&to=2012-12-31&knownAt=2101-01-01T00:00:00Z"),
                "knownAt");
        refused(inspector().get("/api/reports?from=2012-01-01&to=" + FAR), "to");
        refused(inspector().get("/api/reports?from=" + FAR + "&to=" + FAR), "from", "to");
        refused(inspector().get("/api/reports?year=1999"), "year");
        refused(inspector().get("/api/sessions?from=0001-01-01&to=2012-12-31"), "from");
        refused(inspector().get("/api/sessions/schedule?from=" + FAR + "&to=" + FAR), "from", "to");
        refused(inspector().get("/api/sessions/schedule?from=1999-01-01&to=2000-12-31"), "from");
        refused(inspector().get("/api/audit/export?from=2012-01-01&to=" + FAR), "to");
        refused(inspector().get("/api/audit/export?from=1999-12-31&to=2012-01-01"), "from");
    }

    @Test
    void the_first_and_last_days_the_service_accepts_are_answered() {
        assertThat(inspector().get("/api/counts?from=2000-01-01&to=2100-12-31").status()).isEqualTo(200);
        assertThat(inspector().get("/api/petitions?from=2000-01-01&to=2100-12-31").status()).isEqualTo(200);
        assertThat(inspector().get("/api/sessions/schedule?from=2091-01-01&to=2100-12-31").status()).isEqualTo(200);
        assertThat(inspector().get("/api/counts?from=2012-01-01&to=2012-12-31&knownAt=2000-01-01T00:00:00Z")
                .status()).isEqualTo(200);
    }

    @Test
    void a_receipt_or_a_session_dated_before_2000_is_refused_and_nothing_is_written() {
        long before = events();
        refused(Api.officer(port).post("/api/petitions", Api.petition("1999-12-31", "COMPLAINT", "Đất đai")),
                "receivedOn");
        refused(Api.officer(port).post("/api/sessions", Map.of("heldOn", "1999-12-30", "kind", "PERIODIC",
                "host", "Chủ tịch UBND thị trấn", "hostedInPerson", true)), "heldOn");
        refused(Api.officer(port).post("/api/sessions", Map.of("heldOn", "0001-01-01", "kind", "AD_HOC",
                "host", "Chủ tịch UBND thị trấn", "hostedInPerson", true)), "heldOn");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void every_step_dated_before_2000_is_refused_with_its_date_named_and_nothing_is_written() {
        String id = receive("2012-04-02");
        Map<String, Map<String, Object>> steps = new HashMap<>();
        steps.put("acceptance", Map.of("acceptedOn", "1999-12-31"));
        steps.put("forwarding", Map.of("forwardedOn", "1999-12-31", "to", "UBND huyện"));
        steps.put("guidance", Map.of("guidedOn", "1999-12-31", "to", "Tòa án nhân dân huyện"));
        steps.put("rejection", Map.of("rejectedOn", "1999-12-31", "legalGround", "Đ11 Luật Khiếu nại"));
        steps.put("archival", Map.of("archivedOn", "1999-12-31", "reason", "Trùng đơn"));
        steps.put("mediations", Map.of("heldOn", "1999-12-31", "outcome", "SUCCEEDED"));
        steps.put("dialogues", Map.of("heldOn", "1999-12-31"));
        steps.put("advisory-council", Map.of("heldOn", "1999-12-31"));
        steps.put("extensions", Map.of("extendedOn", "1999-12-31", "days", 10, "reason", "Phức tạp"));
        steps.put("written-answer", Map.of("answeredOn", "1999-12-31", "documentNumber", "1/UBND", "summary", "x"));
        steps.put("escalation", Map.of("escalatedOn", "1999-12-31", "to", "UBND huyện", "reason", "x"));
        steps.put("withdrawal", Map.of("withdrawnOn", "1999-12-31"));
        steps.put("suspension", Map.of("suspendedOn", "1999-12-31", "reason", "x"));
        steps.put("resumption", Map.of("resumedOn", "1999-12-31"));
        steps.put("termination", Map.of("terminatedOn", "1999-12-31", "legalGround", "x"));
        steps.put("partial-withdrawal", Map.of("withdrawnOn", "1999-12-31", "content", "x"));
        long before = events();
        steps.forEach((step, body) -> {
            String date = body.keySet().stream().filter(field -> field.endsWith("On")).findFirst().orElseThrow();
            refused(Api.chair(port).post("/api/petitions/" + id + "/" + step, body), date);
        });
        assertThat(events()).isEqualTo(before);
        assertThat(inspector().get("/api/petitions/" + id).json().path("version").asLong()).isZero();
    }
}
