package vn.commune.petition.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.database.CommuneScope;
import vn.commune.petition.api.pages.PageSessions;
import vn.commune.petition.api.print.CommuneKind;
import vn.commune.petition.api.print.CommuneProperties;

/**
 * Every event carries the commune of the account that recorded it: the account's own, else the
 * configured one; an event that carries none is the configured commune's, and nothing stored is
 * rewritten: the chains still verify. A commune's requests see its rows alone, kept so by the
 * database itself; the province's inspector sees both communes, together and each on its own.
 */
@PetitionServiceTest
@TestPropertySource(properties = {
    "petition.test.context=communes",
    "petition.commune.name=Tân Lập",
    "petition.commune.code=10105",
    // The same password as the demo officer's ("officer"), hashed: configured accounts are never plain.
    "petition.security.users[0].username=officer",
    "petition.security.users[0].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[0].roles=OFFICER",
    "petition.security.users[1].username=canbo",
    "petition.security.users[1].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[1].roles=OFFICER",
    "petition.security.users[1].commune=10106",
    "petition.security.users[2].username=inspector",
    "petition.security.users[2].password={bcrypt}$2a$10$tsvKoQoPUEXh1Rm.FXJ/x.ozzwkYmVxCWbG4L8y2lbQH.LrsjHRMK",
    "petition.security.users[2].roles=INSPECTOR",
    // The province's inspector, who oversees both communes ("inspector" as its password too).
    "petition.province.code=25",
    "petition.province.communes[0].code=10106",
    "petition.province.communes[0].name=Hòa Bình",
    "petition.security.users[3].username=tinh",
    "petition.security.users[3].password={bcrypt}$2a$10$tsvKoQoPUEXh1Rm.FXJ/x.ozzwkYmVxCWbG4L8y2lbQH.LrsjHRMK",
    "petition.security.users[3].roles=INSPECTOR,ADMIN",
    "petition.security.users[3].commune=25"})
class CommunesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Communes communes;

    private String receive(Api who) {
        Api.Response received = who.post("/api/petitions", Api.petition("2026-10-06", "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private String communeOf(String petitionId) {
        return jdbc.sql("""
                        SELECT CAST(convert_from(meta_data, 'UTF8') AS jsonb) ->> 'commune' FROM domainevententry
                         WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", petitionId).query(String.class).single();
    }

    @Test
    void an_event_carries_the_commune_of_the_account_that_recorded_it() {
        assertThat(communeOf(receive(Api.officer(port)))).as("an account without one: the configured commune")
                .isEqualTo("10105");
        assertThat(communeOf(receive(Api.as(port, "canbo", "officer")))).as("an account of another commune")
                .isEqualTo("10106");
    }

    @Test
    void an_event_that_carries_no_commune_is_the_configured_communes_and_the_chains_still_verify() {
        assertThat(communes.ofEvent(Map.of("recordedBy", "officer"))).isEqualTo("10105");
        assertThat(communes.ofEvent(Map.of("commune", "10106"))).isEqualTo("10106");
        receive(Api.as(port, "canbo", "officer"));
        Api.Response verified = Api.as(port, "tinh", "inspector").get("/api/audit/verification");
        assertThat(verified.text("status")).as(verified.toString()).isEqualTo("OK");
    }

    @Test
    void a_commune_sees_and_steps_on_its_own_petitions_only() {
        String ours = receive(Api.officer(port));
        String theirs = receive(Api.as(port, "canbo", "officer"));
        Api.Response read = Api.officer(port).get("/api/petitions/" + theirs);
        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        assertThat(Api.as(port, "canbo", "officer").get("/api/petitions/" + ours).status()).isEqualTo(404);
        assertThat(Api.officer(port).get("/api/petitions/" + theirs + "/history").status()).isEqualTo(404);
        assertThat(Api.officer(port).get("/api/petitions?from=2026-10-01&to=2026-10-31").body())
                .contains(ours).doesNotContain(theirs);

        Api.Response step = Api.officer(port).post("/api/petitions/" + theirs + "/dialogues",
                Map.of("heldOn", "2026-10-08"));
        assertThat(step.status()).as(step.toString()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregate_identifier = :id")
                .param("id", theirs).query(Long.class).single()).as("nothing written").isEqualTo(1);
        assertThat(Api.as(port, "canbo", "officer").get("/api/petitions/" + theirs).status())
                .as("its own commune's officer sees it").isEqualTo(200);
    }

    @Test
    void the_database_keeps_a_request_on_its_communes_rows_whatever_the_query() {
        receive(Api.officer(port));
        receive(Api.as(port, "canbo", "officer"));
        String everyCommune = "SELECT count(DISTINCT commune) FROM petition_view";
        assertThat(jdbc.sql(everyCommune).query(Long.class).single()).as("outside a request: the owner").isEqualTo(2);
        assertThat(CommuneScope.within(List.of("10106"), () -> jdbc.sql(
                "SELECT DISTINCT commune FROM petition_view").query(String.class).list()))
                .as("a query that forgot its commune").containsExactly("10106");
        assertThat(CommuneScope.within(List.of(), () -> jdbc.sql("SELECT count(*) FROM petition_view")
                .query(Long.class).single())).as("a scope of no commune sees nothing").isZero();
        for (String table : List.of("count_petition", "count_fact", "reception_session", "one_stop_dossier")) {
            assertThat(CommuneScope.within(List.of("10106"), () -> jdbc.sql(
                    "SELECT count(*) FROM " + table + " WHERE commune <> '10106'").query(Long.class).single()))
                    .as(table).isZero();
        }
        assertThatThrownBy(() -> CommuneScope.within(List.of("10106"), () -> jdbc.sql("""
                INSERT INTO count_petition (petition_id, received_on, kind, channel, field, commune)
                VALUES ('x', DATE '2026-10-06', 'COMPLAINT', 'POST', 'Đất đai', '10105')""").update()))
                .as("nor write another's").rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void the_provinces_inspector_sees_both_communes_together_and_each_on_its_own() {
        receive(Api.officer(port));
        receive(Api.as(port, "canbo", "officer"));
        String period = "/api/counts?from=2026-10-01&to=2026-10-31";
        JsonNode province = Api.as(port, "tinh", "inspector").with("Accept-Language", "vi").get(period).json();
        long tanLap = Api.officer(port).get(period).json().get("received").asLong();
        long hoaBinh = Api.as(port, "canbo", "officer").get(period).json().get("received").asLong();
        assertThat(tanLap).isPositive();
        assertThat(hoaBinh).isPositive();
        assertThat(province.get("received").asLong()).isEqualTo(tanLap + hoaBinh);
        assertThat(province.get("communes")).hasSize(2);
        assertThat(province.get("communes").get(0).get("code").asText()).isEqualTo("10105");
        assertThat(province.get("communes").get(0).get("name").asText()).isEqualTo("xã Tân Lập");
        assertThat(province.get("communes").get(0).get("counts").get("received").asLong()).isEqualTo(tanLap);
        assertThat(province.get("communes").get(1).get("name").asText()).isEqualTo("xã Hòa Bình");
        assertThat(province.get("communes").get(1).get("counts").get("received").asLong()).isEqualTo(hoaBinh);
        assertThat(Api.officer(port).get(period).json().has("communes")).as("one commune: no breakdown").isFalse();
    }

    @Test
    void reference_numbers_run_per_commune_and_per_year() {
        int before = number(Api.officer(port));
        int theirs = number(Api.as(port, "canbo", "officer"));
        assertThat(number(Api.as(port, "canbo", "officer"))).isEqualTo(theirs + 1);
        assertThat(number(Api.officer(port))).as("the other commune's receipts took none of ours").isEqualTo(before + 1);
    }

    /** The province's report gives each commune's petitions beside their total, and checks that they add up. */
    @Test
    void the_provinces_report_breaks_its_petitions_down_by_commune() {
        receive(Api.officer(port));
        receive(Api.as(port, "canbo", "officer"));
        String period = "/api/reports?from=2026-10-01&to=2026-10-31&format=json";
        // The report reads the counts as far as they have caught up with the receipts above.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode report = Api.as(port, "tinh", "inspector").get(period).json();
            JsonNode table = null;
            for (JsonNode each : report.get("tables")) {
                table = each.get("id").asText().equals("by-commune") ? each : table;
            }
            assertThat(table).as(report.toString()).isNotNull();
            JsonNode rows = table.get("rows");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).get(1).asText()).isEqualTo("xã Tân Lập");
            assertThat(rows.get(1).get(1).asText()).isEqualTo("xã Hòa Bình");
            assertThat(rows.get(2).get(2).asLong()).as("the total to handle")
                    .isEqualTo(rows.get(0).get(2).asLong() + rows.get(1).get(2).asLong()).isPositive();
            assertThat(rows.get(0).get(4).asLong()).as("Tân Lập's received")
                    .isEqualTo(Api.officer(port).get("/api/counts?from=2026-10-01&to=2026-10-31").json().get("received").asLong());
            boolean checked = false;
            for (JsonNode invariant : report.get("invariants")) {
                if (invariant.get("name").asText().equals("BY_COMMUNE")) {
                    checked = invariant.get("holds").asBoolean();
                }
            }
            assertThat(checked).as("the communes add up to the province").isTrue();
        });
        assertThat(Api.officer(port).get(period).body()).as("one commune's report").doesNotContain("by-commune");
    }

    /**
     * Each commune publishes its own figures, with no sign-in: {@code ?commune=} chooses it (the configured
     * one when none does), and each commune's published count is its officers' own; a commune not served
     * here is a 404, and a code that is not one a 400 naming the field.
     */
    @Test
    void each_commune_publishes_its_own_figures() {
        receive(Api.officer(port));
        Api.Response own = Api.as(port, "canbo", "officer").post("/api/petitions",
                Api.petition("2026-10-09", "FEEDBACK", "Chiếu sáng công cộng"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        String period = "/api/public/figures?from=2026-10-01&to=2026-10-31";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long tanLap = Api.officer(port).get("/api/counts?from=2026-10-01&to=2026-10-31").json().get("received").asLong();
            long hoaBinh = Api.as(port, "canbo", "officer").get("/api/counts?from=2026-10-01&to=2026-10-31").json()
                    .get("received").asLong();
            JsonNode configured = RawHttp.request("GET", period).send(port).json();
            assertThat(configured.get("communeCode").asText()).isEqualTo("10105");
            assertThat(configured.get("commune").asText()).isEqualTo("UBND xã Tân Lập");
            assertThat(configured.get("petitions").get("received").asLong()).isEqualTo(tanLap);
            assertThat(configured.get("byField").has("Chiếu sáng công cộng")).as("Hòa Bình's field").isFalse();
            JsonNode other = RawHttp.request("GET", period + "&commune=10106").send(port).json();
            assertThat(other.get("communeCode").asText()).isEqualTo("10106");
            assertThat(other.get("commune").asText()).isEqualTo("UBND xã Hòa Bình");
            assertThat(other.get("petitions").get("received").asLong()).isEqualTo(hoaBinh);
            assertThat(other.get("byField").get("Chiếu sáng công cộng").asLong()).isEqualTo(1);
        });
        RawHttp.Response page = RawHttp.request("GET", "/public/figures?year=2026&month=10&commune=10106").send(port);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("UBND xã Hòa Bình công khai", "<option value=\"10106\" selected=\"selected\">xã Hòa Bình</option>",
                "<option value=\"10105\">xã Tân Lập</option>", "commune=10106&amp;format=csv",
                "href=\"?year=2026&amp;month=10&amp;commune=10106&amp;lang=en\"");

        RawHttp.Response unknown = RawHttp.request("GET", period + "&commune=99999").send(port);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(RawHttp.request("GET", "/public/figures?commune=99999").send(port).status()).isEqualTo(404);
        RawHttp.Response malformed = RawHttp.request("GET", period + "&commune=10106%27").send(port);
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.body()).contains("commune");
    }

    /**
     * A citizen of any commune served looks their petition up on the same public page, and a reference
     * that two communes share is told apart by the code: each code finds its own petition only.
     */
    /** A receipt in each commune with the same reference: ours (a complaint), then theirs (a feedback). */
    private Api.Response[] sameReferenceInBoth() {
        receive(Api.as(port, "canbo", "officer"));
        // Both communes' next receipt of the year gets the same number.
        long next = jdbc.sql("SELECT GREATEST((SELECT last_value FROM petition_reference_2026),"
                + " (SELECT last_value FROM petition_reference_10106_2026)) + 1").query(Long.class).single();
        jdbc.sql("SELECT setval('petition_reference_2026', :n, false), setval('petition_reference_10106_2026', :n, false)")
                .param("n", next).query().listOfRows();
        Api.Response ours = Api.officer(port).post("/api/petitions", Api.petition("2026-10-06", "COMPLAINT", "Đất đai"));
        Api.Response theirs = Api.as(port, "canbo", "officer").post("/api/petitions",
                Api.petition("2026-10-07", "FEEDBACK", "Môi trường"));
        assertThat(ours.text("reference")).isEqualTo(theirs.text("reference"));
        return new Api.Response[] {ours, theirs};
    }

    /** The inspector's chain check by reference: one petition of it is checked; several, the inspector chooses. */
    @Test
    void a_reference_in_both_communes_asks_the_provinces_inspector_which_petition() {
        Api.Response[] both = sameReferenceInBoth();
        String reference = both[0].text("reference");
        RawHttp.Response signedIn = PageSessions.signIn(port, "127.0.0.57", "tinh", "inspector");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        String session = PageSessions.sessionCookie(signedIn);

        RawHttp.Response choose = RawHttp.request("GET", "/audit/chain?petition=" + reference)
                .header("Cookie", session).send(port);
        assertThat(choose.status()).as(choose.toString()).isEqualTo(200);
        assertThat(choose.body()).contains("data-verification=\"CHOOSE\"", "có ở nhiều xã",
                "href=\"/audit/chain?petition=" + both[0].text("id") + "\">xã Tân Lập</a>",
                "href=\"/audit/chain?petition=" + both[1].text("id") + "\">xã Hòa Bình</a>")
                .doesNotContain("Không tìm thấy đơn");

        RawHttp.Response checked = RawHttp.request("GET", "/audit/chain?petition=" + both[1].text("id"))
                .header("Cookie", session).send(port);
        assertThat(checked.body()).contains("data-verification=\"OK\"").doesNotContain("CHOOSE");

        // A commune's own inspector sees one petition of the reference: it is checked at once.
        RawHttp.Response own = PageSessions.signIn(port, "127.0.0.58", "inspector", "inspector");
        RawHttp.Response ours = RawHttp.request("GET", "/audit/chain?petition=" + reference)
                .header("Cookie", PageSessions.sessionCookie(own)).send(port);
        assertThat(ours.body()).contains("data-verification=\"OK\"").doesNotContain("CHOOSE");

        // The register's search by words or reference (V18_6, through the indexes) keeps to the communes too.
        for (String words : List.of(reference, "môi trường")) {
            String query = "/petitions?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(RawHttp.request("GET", query).header("Cookie", session).send(port).body()).as(words)
                    .contains("/petitions/" + both[1].text("id"))
                    .as("each row names its commune for an account overseeing several")
                    .contains("<span class=\"due-note\">xã Hòa Bình</span>");
            assertThat(RawHttp.request("GET", query).header("Cookie", PageSessions.sessionCookie(own)).send(port).body())
                    .as(words).doesNotContain("/petitions/" + both[1].text("id")).doesNotContain("<span class=\"due-note\">xã Tân Lập</span>");
        }
    }

    @Test
    void the_public_lookup_finds_a_petition_of_any_commune_by_its_code() {
        Api.Response[] both = sameReferenceInBoth();
        Api.Response ours = both[0];
        Api.Response theirs = both[1];

        RawHttp.Response found = lookup(theirs.text("reference"), theirs.text("lookupCode"));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(found.json().get("receivedOn").asText()).isEqualTo("2026-10-07");
        assertThat(found.json().get("commune").asText()).isEqualTo("10106");
        assertThat(found.json().get("handledBy").asText()).isEqualTo("UBND xã Hòa Bình");
        RawHttp.Response ourFound = lookup(ours.text("reference"), ours.text("lookupCode"));
        assertThat(ourFound.status()).as(ourFound.toString()).isEqualTo(200);
        assertThat(ourFound.json().get("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(lookup(ours.text("reference"), "7KQ2-M9XD-4RTB-HW3P").status()).as("a wrong code").isEqualTo(404);
    }

    private RawHttp.Response lookup(String reference, String code) {
        return RawHttp.request("POST", "/api/public/lookup")
                .json("{\"reference\":\"" + reference + "\",\"code\":\"" + code + "\"}").send(port);
    }

    private int number(Api who) {
        Api.Response received = who.post("/api/petitions", Api.petition("2026-10-06", "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String reference = received.text("reference");
        assertThat(reference).startsWith("2026-");
        return Integer.parseInt(reference.substring(5));
    }

    @Test
    void a_rebuild_files_each_row_under_its_commune_and_keeps_the_policies() {
        String ours = receive(Api.officer(port));
        String theirs = receive(Api.as(port, "canbo", "officer"));
        Api province = Api.as(port, "tinh", "inspector");
        for (String projection : List.of("petition-view", "counts")) {
            Api.Response started = province.post("/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                    province.get("/api/admin/projections/" + projection + "/rebuild").text("state")));
        }
        for (String table : List.of("petition_view", "count_petition")) {
            String key = table.equals("petition_view") ? "id" : "petition_id";
            assertThat(jdbc.sql("SELECT commune FROM " + table + " WHERE " + key + " = :id").param("id", theirs)
                    .query(String.class).single()).as(table).isEqualTo("10106");
            assertThat(jdbc.sql("SELECT commune FROM " + table + " WHERE " + key + " = :id").param("id", ours)
                    .query(String.class).single()).as(table).isEqualTo("10105");
            assertThat(CommuneScope.within(List.of("10106"), () -> jdbc.sql(
                    "SELECT count(*) FROM " + table + " WHERE commune <> '10106'").query(Long.class).single()))
                    .as("the swapped-in " + table + " has the policy").isZero();
        }
        assertThat(Api.officer(port).get("/api/petitions/" + theirs).status()).isEqualTo(404);
    }

    @Test
    void what_reads_past_the_policies_is_for_an_account_that_sees_every_commune() {
        String theirs = receive(Api.as(port, "canbo", "officer"));
        Api inspector = Api.as(port, "inspector");
        assertThat(inspector.get("/api/petitions/" + theirs + "/verification").status())
                .as("another commune's chain, not found").isEqualTo(404);
        assertThat(Api.as(port, "tinh", "inspector").get("/api/petitions/" + theirs + "/verification").status())
                .isEqualTo(200);
        Api.Response export = inspector.get("/api/audit/export?from=2026-10-01&to=2026-10-31");
        assertThat(export.status()).as(export.toString()).isEqualTo(403);
        assertThat(inspector.get("/api/audit/verification").status()).isEqualTo(403);
        assertThat(Api.as(port, "tinh", "inspector").get("/api/audit/export?from=2026-10-01&to=2026-10-31").status())
                .isEqualTo(200);
    }

    @Test
    void an_account_overseeing_the_province_records_no_step() {
        CommuneProperties commune = new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null,
                null, "10105");
        assertThatThrownBy(() -> new Communes(commune, new AccountsProperties(List.of(new AccountsProperties.Account(
                "tinh", "{bcrypt}x", Set.of(Role.OFFICER), "25"))), new ProvinceProperties("25", List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tinh");
    }

    @Test
    void a_code_is_five_digits_or_the_service_does_not_start() {
        assertThatThrownBy(() -> new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null, null,
                "Tân Lập")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("five digits");
        CommuneProperties commune = new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null,
                null, "10105");
        assertThatThrownBy(() -> new Communes(commune, new AccountsProperties(List.of(new AccountsProperties.Account(
                "canbo", "{bcrypt}x", Set.of(Role.OFFICER), "xã B"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("canbo");
        assertThat(new Communes(new CommuneProperties("Tân Lập", CommuneKind.XA, null, null, null, null, null, null,
                null), new AccountsProperties(List.of())).of("officer")).as("no code configured: none").isEmpty();
    }
}
