package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.RawHttp;

/**
 * An inspector replays a petition: the control moves the shown state between its steps' dates without
 * a reload; a step typed in late is marked, and absent from what was known before it was recorded;
 * the denunciator stays masked; without JavaScript the control is a plain GET.
 */
@PageTest
class ReplayPageJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private LocalDate today;

    @BeforeEach
    void at() {
        browser.at(port);
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private String receive(LocalDate on, String kind, String name) {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition(on.toString(), kind, "Đất đai"));
        body.put("petitioners", List.of(Map.of("fullName", name, "address", "Thôn Bắc")));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private void step(String id, String path, Map<String, Object> body) {
        Api.Response done = Api.chair(port).post("/api/petitions/" + id + "/" + path, body);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    @Test
    void the_inspector_moves_the_replay_between_the_steps_dates_and_sees_the_state_change_without_a_reload() {
        String id = receive(today.minusDays(10), "RECOMMENDATION", "Phạm Văn Hòa");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(8).toString()));
        step(id, "mediations", Map.of("heldOn", today.minusDays(5).toString(), "outcome", "SUCCEEDED"));
        step(id, "written-answer", Map.of("answeredOn", today.minusDays(3).toString(), "documentNumber", "7/UBND",
                "summary", "Trả lời công dân"));
        SignInPage.open(browser).signInAs("inspector");
        PetitionPage.open(browser, id);
        browser.find(By.id("replay-link")).click();
        browser.awaitPath("/petitions/" + id + "/replay");
        ReplayPage replay = new ReplayPage(browser).mark();
        assertThat(replay.status()).as("now").isEqualTo("Đã giải quyết");
        browser.assertAccessible();

        replay.asOf(today.minusDays(9));
        assertThat(replay.status()).isEqualTo("Đã tiếp nhận");
        assertThat(replay.stepsThen()).hasSize(1);
        assertThat(replay.standings()).containsExactly("COUNTED", "NOT_YET_HAPPENED", "NOT_YET_HAPPENED",
                "NOT_YET_HAPPENED");
        assertThat(browser.path()).as("the address follows the control").contains("asOf=" + today.minusDays(9));

        replay.asOf(today.minusDays(6));
        assertThat(replay.status()).isEqualTo("Đã thụ lý");
        assertThat(replay.then()).contains("Hạn giải quyết");
        assertThat(replay.stepsThen()).hasSize(2);
        browser.screenshot("replay-accepted-vi");
        browser.assertAccessible();

        replay.follow(2, "asOf");
        assertThat(replay.status()).as("on the mediation's day").isEqualTo("Đã thụ lý");
        assertThat(replay.stepsThen()).hasSize(3).last().asString().contains("Hòa giải thành");

        replay.asOf(today.minusDays(3));
        assertThat(replay.status()).isEqualTo("Đã giải quyết");
        assertThat(replay.then()).contains("Ngày kết thúc");

        replay.asOf(today.minusDays(11));
        assertThat(replay.status()).isEmpty();
        assertThat(replay.then()).contains("chưa được tiếp nhận");
        assertThat(replay.reloaded()).as("every change swapped in place").isFalse();
        browser.assertAccessible();

        browser.open("/petitions/" + id + "/replay?asOf=" + today.minusDays(6) + "&lang=en");
        assertThat(new ReplayPage(browser).status()).isEqualTo("Accepted");
        browser.screenshot("replay-accepted-en");
        browser.assertAccessible();
        browser.open("/petitions/" + id + "/replay?lang=vi");
    }

    @Test
    void a_step_typed_in_late_is_marked_and_absent_as_known_before_it_was_recorded() throws Exception {
        String id = receive(today.minusDays(12), "DENUNCIATION", "Lý Thị Kín");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(11).toString()));
        Thread.sleep(20);
        // The mediation held 9 days ago, typed in only now.
        Api.Response late = Api.officer(port).post("/api/petitions/" + id + "/mediations",
                Map.of("heldOn", today.minusDays(9).toString(), "outcome", "FAILED"));
        assertThat(late.status()).as(late.toString()).isEqualTo(200);

        SignInPage.open(browser).signInAs("inspector");
        ReplayPage replay = ReplayPage.open(browser, id).mark();
        List<String> timeline = replay.timeline();
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(2)).contains("Hòa giải không thành").contains("Nhập muộn: ghi nhận sau 9 ngày");
        assertThat(browser.html()).as("the denunciator is masked").doesNotContain("Lý Thị Kín")
                .contains("Người tố cáo 1 (bảo mật)");

        replay.follow(1, "knownAt");
        assertThat(replay.summary()).contains("như đã biết lúc");
        assertThat(replay.status()).isEqualTo("Đã thụ lý");
        assertThat(replay.stepsThen()).as("as known when the acceptance was recorded").hasSize(2)
                .noneMatch(step -> step.contains("Hòa giải"));
        assertThat(replay.standings()).containsExactly("COUNTED", "COUNTED", "NOT_YET_RECORDED");
        browser.screenshot("replay-known-before-late-step-vi");
        browser.assertAccessible();

        replay.follow(2, "knownAt");
        assertThat(replay.stepsThen()).as("as known once it was recorded").hasSize(3)
                .last().asString().contains("Hòa giải không thành");
        assertThat(replay.standings()).containsOnly("COUNTED");
        assertThat(replay.reloaded()).isFalse();
        assertThat(browser.html()).doesNotContain("Lý Thị Kín");

        // The same moments as a plain GET, without JavaScript.
        String inspector = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "inspector", "inspector"));
        String before = RawHttp.request("GET", "/petitions/" + id + "/replay?asOf=" + today.minusDays(10))
                .header("Cookie", inspector).send(port).body();
        assertThat(before).contains("id=\"then-status\"").contains("Đã thụ lý").doesNotContain("Lý Thị Kín");
        RawHttp.Response invalid = RawHttp.request("GET", "/petitions/" + id + "/replay?asOf=1999-01-01")
                .header("Cookie", inspector).send(port);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("replay-asOf-error");

        // The officer, who handles the case, sees the denunciator, and no chain check (not his API route).
        String officer = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "officer", "officer"));
        String officers = RawHttp.request("GET", "/petitions/" + id + "/replay").header("Cookie", officer).send(port).body();
        assertThat(officers).contains("Lý Thị Kín").doesNotContain("id=\"verify\"");
        String chair = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "chair", "chair"));
        assertThat(RawHttp.request("GET", "/petitions/" + id + "/replay").header("Cookie", chair).send(port).body())
                .as("the chair may check the chain").contains("id=\"verify\"");
    }
}
