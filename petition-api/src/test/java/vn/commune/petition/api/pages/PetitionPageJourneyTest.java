package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.RawHttp;

/**
 * A petition's life on its page: the chair accepts it, records a successful mediation and answers
 * in writing, and the timeline shows every step and who recorded it; only the steps the petition and
 * the role allow are offered; a form sent twice writes once, a stale one writes nothing; an
 * inspector sees no action, and never a denunciator's name.
 */
class PetitionPageJourneyTest extends BrowserTest {

    private String receive(LocalDate on, String kind, String field, String name) {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition(on.toString(), kind, field));
        body.put("petitioners", List.of(Map.of("fullName", name, "address", "Thôn Đông")));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private void step(String id, String path, Map<String, Object> body) {
        Api.Response done = Api.chair(port).post("/api/petitions/" + id + "/" + path, body);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
    }

    @Test
    void the_chair_accepts_a_petition_records_a_successful_mediation_and_answers_in_writing() {
        String id = receive(today.minusDays(3), "RECOMMENDATION", "Đất đai", "Nguyễn Văn Ánh");
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(page.actions()).containsExactly("Thụ lý đơn", "Chuyển đơn đến cơ quan có thẩm quyền",
                "Hướng dẫn người gửi đơn", "Trả lại đơn", "Lưu đơn", "Ghi nhận rút đơn");
        assertThat(page.deadlines()).contains("Hạn xử lý đơn").contains("ngày làm việc");
        browser.assertAccessible();

        page.accept();
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Thụ lý đơn.");
        assertThat(page.actions()).as("what an accepted petition may take").containsExactly("Ghi nhận kết quả hòa giải",
                "Ghi nhận buổi đối thoại", "Ghi nhận ý kiến Hội đồng tư vấn", "Gia hạn giải quyết",
                "Trả lời bằng văn bản", "Chuyển cấp trên", "Ghi nhận rút đơn");
        assertThat(page.deadlines()).contains("Hạn giải quyết");

        page.open("mediation").choose("mediation", "outcome", "SUCCEEDED").type("mediation", "minutesRef", "12/BB-HG")
                .type("mediation", "notes", "Hai bên thống nhất ranh giới theo bản đồ địa chính.");
        browser.screenshot("petition-mediation-form-vi");
        browser.assertAccessible();
        page.submit("mediation");
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Hòa giải thành.");
        assertThat(page.actions()).as("after a successful mediation: answer, not escalate")
                .contains("Trả lời bằng văn bản").doesNotContain("Chuyển cấp trên");

        page.type("writtenAnswer", "documentNumber", "45/UBND-TCD")
                .type("writtenAnswer", "summary", "UBND xã trả lời: ranh giới đã được hai bên thống nhất.")
                .submit("writtenAnswer");
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Trả lời bằng văn bản.");
        assertThat(page.facts()).contains("Đã giải quyết");
        assertThat(page.actions()).as("a closed petition takes no step").isEmpty();

        List<String> timeline = page.timeline();
        assertThat(timeline).hasSize(4);
        assertThat(timeline.get(0)).contains("Tiếp nhận đơn").contains("bởi officer");
        assertThat(timeline.get(1)).contains("Thụ lý đơn").contains("bởi chair");
        assertThat(timeline.get(2)).contains("Hòa giải thành").contains("12/BB-HG").contains("bởi chair");
        assertThat(timeline.get(3)).contains("Trả lời bằng văn bản").contains("45/UBND-TCD").contains("bởi chair");
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair",
                "MediationSucceeded by chair", "PetitionAnswered by chair");
        browser.screenshot("petition-answered-vi");
        browser.assertAccessible();

        browser.open("/petitions/" + id + "?lang=en");
        assertThat(page.timeline().get(3)).contains("Answered in writing").contains("by chair");
        browser.screenshot("petition-answered-en");
        browser.assertAccessible();
        browser.open("/petitions/" + id + "?lang=vi");
    }

    @Test
    void the_officer_is_offered_only_the_steps_an_officer_may_record() {
        String id = receive(today.minusDays(2), "COMPLAINT", "Xây dựng", "Trần Văn Bình");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(1).toString()));
        SignInPage.open(browser).signInAs("officer");
        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(page.actions()).containsExactly("Ghi nhận kết quả hòa giải", "Ghi nhận buổi đối thoại",
                "Ghi nhận ý kiến Hội đồng tư vấn", "Ghi nhận rút một phần khiếu nại", "Ghi nhận rút đơn");
        page.open("dialogue").type("dialogue", "minutesRef", "3/BB-ĐT");
        browser.resize(Browser.TABLET);
        browser.screenshot("petition-officer-tablet-vi");
        browser.assertAccessible();
        page.submit("dialogue");
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Đối thoại.");
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair",
                "DialogueHeld by officer");
    }

    /** Luật 136/2025/QH15: the chair suspends a complaint's resolution and resumes it; the deadline moves by the days. */
    @Test
    void the_chair_suspends_a_complaint_resumes_it_and_the_deadline_moves_by_the_days_suspended() {
        String id = receive(today.minusDays(25), "COMPLAINT", "Đất đai", "Phạm Thị Dung");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(24).toString()));
        String dueBefore = Api.chair(port).get("/api/petitions/" + id).json().path("dueOn").asText();
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(page.actions()).contains("Tạm đình chỉ việc giải quyết", "Đình chỉ việc giải quyết",
                "Ghi nhận rút một phần khiếu nại").doesNotContain("Tiếp tục giải quyết");

        page.open("escalation");
        assertThat(browser.find(org.openqa.selenium.By.id("escalation-level")).getText())
                .contains("Chủ tịch UBND cấp tỉnh", "Thanh tra tỉnh", "Tòa án").doesNotContain("huyện");
        browser.screenshot("petition-escalation-levels-vi");

        page.date("suspension", "suspendedOn", today.minusDays(14))
                .type("suspension", "reason", "Chờ kết quả giám định của Sở Tài nguyên và Môi trường.");
        browser.screenshot("petition-suspension-form-vi");
        browser.assertAccessible();
        page.submit("suspension");
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Tạm đình chỉ việc giải quyết khiếu nại.");
        assertThat(page.facts()).contains("Tạm đình chỉ giải quyết");
        assertThat(page.actions()).containsExactly("Tiếp tục giải quyết", "Đình chỉ việc giải quyết",
                "Ghi nhận rút một phần khiếu nại", "Ghi nhận rút đơn");

        page.date("resumption", "resumedOn", today.minusDays(4)).submit("resumption");
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Tiếp tục giải quyết khiếu nại.");
        assertThat(page.facts()).contains("Đã thụ lý");
        List<String> timeline = page.timeline();
        assertThat(timeline.get(timeline.size() - 1)).contains("Tiếp tục giải quyết khiếu nại")
                .contains("Số ngày tạm đình chỉ (không tính vào thời hạn)").contains("10");
        assertThat(Api.chair(port).get("/api/petitions/" + id).json().path("dueOn").asText())
                .isGreaterThan(dueBefore);
        browser.screenshot("petition-resumed-vi");
        browser.assertAccessible();
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair",
                "ResolutionSuspended by chair", "ResolutionResumed by chair");
    }

    @Test
    void a_step_form_sent_twice_at_once_writes_once() {
        String id = receive(today.minusDays(2), "RECOMMENDATION", "Môi trường", "Lê Văn Cường");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(1).toString()));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id).choose("mediation", "outcome", "FAILED");

        // The same form, with the same key, posted twice at the same moment (a double click, a resend).
        Object statuses = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('mediation-form');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                    redirect: 'manual'}).then(r => r.type === 'opaqueredirect' ? 302 : r.status);
                Promise.all([send(), send()]).then(done, e => done(String(e)));
                """);
        assertThat(statuses).as("both answered as recorded").isEqualTo(List.of(302L, 302L));
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair",
                "MediationFailed by chair");
        browser.open("/petitions/" + id);
        assertThat(page.timeline()).hasSize(3);
        assertThat(page.actions()).as("after a failed mediation: escalate, not answer")
                .contains("Chuyển cấp trên").doesNotContain("Trả lời bằng văn bản");
    }

    @Test
    void a_form_made_stale_by_another_step_says_so_and_writes_nothing() {
        String id = receive(today.minusDays(2), "RECOMMENDATION", "Giao thông", "Vũ Thị Dung");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(1).toString()));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id).choose("mediation", "outcome", "SUCCEEDED");
        Api.Response meanwhile = Api.officer(port).post("/api/petitions/" + id + "/dialogues",
                Map.of("heldOn", today.toString()));
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        page.submit("mediation");
        assertThat(page.refusal()).contains("Đơn vừa được người khác cập nhật").contains("Tải lại trang");
        assertThat(page.attribute("mediation-action", "open")).as("the refused form stays open").isNotNull();
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair",
                "DialogueHeld by officer");
        browser.screenshot("petition-stale-mediation-vi");
        browser.assertAccessible();
    }

    @Test
    void a_refused_step_names_its_rule_and_a_missing_field_is_shown_beside_it() {
        String id = receive(today.minusDays(5), "DENUNCIATION", "Xây dựng", "Đỗ Văn Em");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(4).toString(), "complex", true));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(page.deadlines()).contains("Còn được gia hạn").contains("Còn 1 lần");

        page.type("extension", "days", "45").type("extension", "reason", "Cần xác minh thêm tại thực địa");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('extension-days').removeAttribute('max');");
        page.submit("extension");
        assertThat(page.refusal()).contains("Số ngày gia hạn vượt quá mức pháp luật cho phép với loại đơn này.");
        assertThat(page.attribute("extension-days", "value")).as("what was typed is kept").isEqualTo("45");
        browser.assertAccessible();

        page.empty("writtenAnswer", "documentNumber").type("writtenAnswer", "summary", "Trả lời")
                .submit("writtenAnswer");
        assertThat(page.fieldError("writtenAnswer", "documentNumber")).isEqualTo("Bắt buộc nhập.");
        assertThat(page.attribute("writtenAnswer-documentNumber", "aria-describedby"))
                .isEqualTo("writtenAnswer-documentNumber-error");
        assertThat(page.focused()).as("focus moves to the summary of what went wrong").contains("form-errors");
        browser.screenshot("petition-field-error-answer-vi");
        browser.assertAccessible();

        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair");
    }

    @Test
    void an_inspector_sees_no_action_and_no_page_shows_him_a_denunciators_name() {
        String id = receive(today.minusDays(4), "DENUNCIATION", "Xây dựng", "Hồ Thị Mận");
        step(id, "acceptance", Map.of("acceptedOn", today.minusDays(3).toString()));
        SignInPage.open(browser).signInAs("inspector");

        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(browser.all(By.id("actions"))).as("no actions at all").isEmpty();
        assertThat(browser.all(By.tagName("form")).stream().map(f -> f.getAttribute("action")).toList())
                .as("no form but signing out").allMatch(action -> action.endsWith("/logout"));
        assertThat(browser.html()).doesNotContain("Hồ Thị Mận").contains("Người tố cáo 1 (bảo mật)");
        browser.screenshot("petition-inspector-vi");
        browser.assertAccessible();

        for (String path : List.of("/", "/petitions", "/petitions?kind=DENUNCIATION", "/petitions/" + id + "?lang=en")) {
            browser.open(path);
            assertThat(browser.html()).as(path).doesNotContain("Hồ Thị Mận").doesNotContain("Ho Thi Man");
        }
        // What he typed stays in the search box; the results never hold the name.
        for (String path : List.of("/petitions?q=H%E1%BB%93+Th%E1%BB%8B+M%E1%BA%ADn", "/petitions?q=ho+thi+man")) {
            browser.open(path);
            assertThat(browser.find(By.id("main")).getText()).as(path).doesNotContain("Hồ Thị Mận");
            assertThat(browser.find(By.id("results")).getAttribute("innerHTML")).as(path)
                    .doesNotContain("Hồ Thị Mận").doesNotContain("bảo mật");
        }
        browser.open("/petitions?q=ho+thi+man&lang=vi");
        assertThat(new RegisterPage(browser).references()).as("his search by the name finds nothing").isEmpty();
        browser.open("/petitions?kind=DENUNCIATION");
        assertThat(new RegisterPage(browser).references()).as("the petition is listed, masked")
                .contains(Api.as(port, "inspector").get("/api/petitions/" + id).text("reference"));
        assertThat(new RegisterPage(browser).download("csv")).doesNotContain("Hồ Thị Mận").contains("bảo mật");

        String chair = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "chair", "chair"));
        assertThat(RawHttp.request("GET", "/petitions?q=ho+thi+man").header("Cookie", chair).send(port).body())
                .as("the chair, who handles the case, finds it by the name").contains("Hồ Thị Mận");
    }

    @Test
    void text_a_json_body_could_not_carry_is_refused_beside_its_field_and_writes_nothing() {
        String id = receive(today.minusDays(1), "FEEDBACK", "Môi trường", "Ngô Văn Giàu");
        String session = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "chair", "chair"));
        String html = RawHttp.request("GET", "/petitions/" + id).header("Cookie", session).send(port).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).isTrue();
        RawHttp.Response refused = RawHttp.request("POST", "/petitions/" + id + "/forwarding").header("Cookie", session)
                .form(Map.of("_csrf", csrf.group(1), "formKey", "k-nul", "forwardedOn", today.toString(),
                        "to", "UBND huyện\u0000")).send(port);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("forwarding-to-error").contains("Có ký tự không được phép");
        assertThat(history(id)).containsExactly("PetitionReceived by officer");
    }
}
