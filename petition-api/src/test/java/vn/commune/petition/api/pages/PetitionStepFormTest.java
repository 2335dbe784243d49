package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.RawHttp;

/**
 * The first step form, the acceptance, and through it what every step form does (api/page/Forms):
 * htmx sends it and swaps the answer in; a refused step shows its rule's sentence, an empty field
 * its error beside it, a form made stale by someone else's step says so and offers a reload, and a
 * form sent twice writes once. Nothing refused is written.
 */
class PetitionStepFormTest extends BrowserTest {

    private String receive(LocalDate on) {
        Api.Response received = Api.officer(port).post("/api/petitions", Api.petition(on.toString(), "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    @Test
    void the_chair_accepts_a_petition_with_the_form_and_htmx_swaps_the_page_in() {
        String id = receive(today.minusDays(2));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id);
        assertThat(page.offersAcceptance()).isTrue();
        assertThat(page.attribute("acceptance-acceptedOn", "value")).isEqualTo(today.toString());
        browser.screenshot("petition-acceptance-form-vi");
        browser.assertAccessible();
        ((JavascriptExecutor) browser.driver()).executeScript("window.stillTheSamePage = true;");

        page.complex().accept();
        assertThat(page.recorded()).isEqualTo("Đã ghi nhận: Thụ lý đơn.");
        assertThat(page.facts()).contains("Đã thụ lý");
        assertThat(page.steps()).contains("Thụ lý đơn");
        assertThat(page.offersAcceptance()).isFalse();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.stillTheSamePage === true;"))
                .as("htmx swapped the answer in; the page was not reloaded").isEqualTo(true);
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair");
        browser.screenshot("petition-accepted-vi");
    }

    @Test
    void a_refused_step_shows_its_rule_as_a_sentence_and_writes_nothing() {
        String id = receive(today.minusDays(10));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id).acceptedOn(today.minusDays(20)).accept();
        assertThat(page.refusal()).contains("Chưa ghi nhận được")
                .contains("Ngày ghi nhận không được trước bước xử lý liền trước.");
        assertThat(page.facts()).contains("Đã tiếp nhận");
        assertThat(history(id)).containsExactly("PetitionReceived by officer");
        browser.screenshot("petition-rule-refused-vi");
        browser.assertAccessible();
    }

    @Test
    void a_field_left_empty_is_shown_beside_it() {
        String id = receive(today.minusDays(1));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id).acceptedOn(null).accept();
        assertThat(page.fieldError("acceptance", "acceptedOn")).isEqualTo("Bắt buộc nhập.");
        assertThat(page.attribute("acceptance-acceptedOn", "aria-invalid")).isEqualTo("true");
        assertThat(page.attribute("acceptance-acceptedOn", "aria-describedby")).isEqualTo("acceptance-acceptedOn-error");
        assertThat(page.refusal()).contains("Kiểm tra các ô được đánh dấu bên dưới.");
        assertThat(history(id)).containsExactly("PetitionReceived by officer");
        browser.screenshot("petition-field-error-vi");
        browser.assertAccessible();
    }

    @Test
    void a_form_made_stale_by_someone_elses_step_says_so_offers_a_reload_and_writes_nothing() {
        String id = receive(today.minusDays(3));
        SignInPage.open(browser).signInAs("chair");
        PetitionPage page = PetitionPage.open(browser, id);
        Api.Response meanwhile = Api.chair(port).post("/api/petitions/" + id + "/withdrawal",
                Map.of("withdrawnOn", today.toString()));
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        page.accept();
        assertThat(page.refusal()).contains("Đơn vừa được người khác cập nhật").contains("Tải lại trang");
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionWithdrawn by chair");
        browser.screenshot("petition-stale-vi");
        browser.assertAccessible();
        browser.find(org.openqa.selenium.By.linkText("Tải lại trang")).click();
        browser.awaitPath("/petitions/" + id);
        assertThat(page.facts()).contains("Đã rút đơn");
        assertThat(page.offersAcceptance()).isFalse();
    }

    @Test
    void a_form_sent_twice_writes_once_and_a_plain_post_works_without_htmx() {
        String id = receive(today.minusDays(1));
        String session = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "chair", "chair"));
        String page = RawHttp.request("GET", "/petitions/" + id).header("Cookie", session).send(port).body();
        Map<String, String> form = Map.of("_csrf", field(page, "_csrf"), "formKey", field(page, "formKey"),
                "formVersion", field(page, "formVersion"), "acceptedOn", today.toString());

        for (int i = 0; i < 2; i++) {
            RawHttp.Response sent = RawHttp.request("POST", "/petitions/" + id + "/acceptance")
                    .header("Cookie", session).form(form).send(port);
            assertThat(sent.status()).as("post %d", i + 1).isEqualTo(302);
            assertThat(sent.header("Location")).endsWith("/petitions/" + id);
        }
        assertThat(history(id)).containsExactly("PetitionReceived by officer", "PetitionAccepted by chair");

        RawHttp.Response stale = RawHttp.request("POST", "/petitions/" + id + "/acceptance").header("Cookie", session)
                .form(Map.of("_csrf", form.get("_csrf"), "formKey", "another-key", "formVersion", "0",
                        "acceptedOn", today.toString())).send(port);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("text/html");
        assertThat(stale.body()).contains("Đơn vừa được người khác cập nhật");
    }

    @Test
    void only_the_chair_may_post_an_acceptance() {
        String id = receive(today.minusDays(1));
        String session = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "officer", "officer"));
        String page = RawHttp.request("GET", "/petitions/" + id).header("Cookie", session).send(port).body();
        assertThat(page).doesNotContain("acceptance-form");
        String csrf = field(page, "_csrf");
        RawHttp.Response refused = RawHttp.request("POST", "/petitions/" + id + "/acceptance").header("Cookie", session)
                .form(Map.of("_csrf", csrf, "formKey", "k", "acceptedOn", today.toString())).send(port);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Không có quyền truy cập");
        assertThat(history(id)).containsExactly("PetitionReceived by officer");
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the form has %s", name).isTrue();
        return matcher.group(1);
    }
}
