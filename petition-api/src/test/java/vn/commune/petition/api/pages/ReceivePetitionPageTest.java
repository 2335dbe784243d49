package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.RawHttp;

/**
 * Receiving a petition that came by post, online, to the mailbox or forwarded: the API's receive
 * request typed in a page, then the petition's page. Field errors show beside their fields and
 * nothing is received; a form sent twice receives once; only officers and the chair may receive.
 */
class ReceivePetitionPageTest extends BrowserTest {

    private long petitions() {
        return Api.officer(port).get("/api/petitions?size=1").json().path("total").asLong();
    }

    private void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void receivedOn(LocalDate day) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("receivedOn")), day.toString());
    }

    private void send() {
        WebElement button = browser.find(By.cssSelector("#receive-form button[type=submit]"));
        button.click();
    }

    @Test
    void the_officer_receives_a_letter_that_came_by_post_and_lands_on_its_page() {
        SignInPage.open(browser).signInAs("officer");
        browser.find(By.linkText("Tiếp nhận đơn")).click();
        browser.awaitPath("/petitions/new");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Tiếp nhận đơn");
        assertThat(browser.find(By.id("receivedOn")).getDomProperty("value")).isEqualTo(today.toString());
        assertThat(new Select(browser.find(By.id("channel"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("Qua bưu chính", "Trực tuyến", "Hòm thư góp ý", "Cơ quan, tổ chức chuyển đến",
                        "Trực tiếp tại trụ sở");
        assertThat(browser.find(By.id("p1-fullName")).isDisplayed()).as("one petitioner row until more are asked for").isFalse();
        browser.screenshot("receive-vi");
        browser.assertAccessible();

        receivedOn(today.minusDays(2));
        new Select(browser.find(By.id("channel"))).selectByValue("MAILBOX");
        new Select(browser.find(By.id("kind"))).selectByValue("FEEDBACK");
        type("field", "Môi trường");
        type("ward", "Thôn Bắc");
        type("summary", "Phản ánh việc đốt rơm rạ gây khói bụi ven đường liên xã");
        type("p0-fullName", "Đinh Văn Toàn");
        type("p0-address", "Thôn Bắc");
        type("p0-phone", "0912 345 678");
        browser.find(By.cssSelector("[data-add-petitioner]")).click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("p1-fullName");
        type("p1-fullName", "Đinh Thị Hồng");
        type("p1-address", "Thôn Bắc");
        type("p1-idNumber", "001234567890");
        send();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().matches("/petitions/[0-9a-f-]{36}/receipt"));
        assertThat(browser.find(By.cssSelector("main .notice[role=status]")).getText()).startsWith("Đã tiếp nhận đơn.");
        assertThat(browser.find(By.id("receipt-code")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        browser.find(By.linkText("Về hồ sơ đơn")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().matches("/petitions/[0-9a-f-]{36}"));
        assertThat(browser.find(By.id("facts")).getText()).contains("Hòm thư góp ý").contains("Phản ánh")
                .contains("Môi trường").contains("Thôn Bắc");

        String id = browser.path().substring("/petitions/".length());
        JsonNode petition = Api.officer(port).get("/api/petitions/" + id).json();
        assertThat(petition.path("receivedOn").asText()).isEqualTo(today.minusDays(2).toString());
        assertThat(petition.path("channel").asText()).isEqualTo("MAILBOX");
        assertThat(petition.path("sessionId").isNull()).isTrue();
        assertThat(petition.path("petitioners").findValuesAsText("fullName")).containsExactly("Đinh Văn Toàn", "Đinh Thị Hồng");
        assertThat(petition.path("petitioners").get(0).path("idNumber").isNull()).as("left blank, not \"\"").isTrue();
        browser.screenshot("receive-received-vi");
    }

    @Test
    void a_form_with_missing_or_wrong_fields_shows_each_beside_its_field_and_receives_nothing() {
        long before = petitions();
        SignInPage.open(browser).signInAs("chair");
        browser.open("/petitions/new");
        browser.find(By.cssSelector("[data-add-petitioner]")).click();
        type("p1-fullName", "Lý Văn Nam");
        type("p1-idNumber", "12345");
        send();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !browser.all(By.cssSelector(".form-errors")).isEmpty());
        assertThat(browser.find(By.cssSelector(".form-errors[role=alert]")).getText())
                .contains("Kiểm tra các ô được đánh dấu bên dưới.");
        assertThat(browser.find(By.id("kind-error")).getText()).isEqualTo("Bắt buộc nhập.");
        assertThat(browser.find(By.id("field-error")).getText()).isEqualTo("Bắt buộc nhập.");
        assertThat(browser.find(By.id("summary-error")).getText()).isEqualTo("Bắt buộc nhập.");
        assertThat(browser.find(By.id("p1-address-error")).getText()).as("the second row's error is on the second row")
                .isEqualTo("Bắt buộc nhập.");
        assertThat(browser.find(By.id("p1-idNumber-error")).getText()).isEqualTo("Số CCCD gồm 12 chữ số (CMND: 9 chữ số).");
        assertThat(browser.find(By.id("p1-fullName")).isDisplayed()).as("a row with errors stays shown").isTrue();
        assertThat(browser.find(By.id("p1-idNumber")).getAttribute("aria-describedby")).isEqualTo("p1-idNumber-error");
        assertThat(browser.all(By.id("p0-fullName-error"))).as("a blank row is no petitioner").isEmpty();
        assertThat(petitions()).isEqualTo(before);
        browser.screenshot("receive-field-errors-vi");
        browser.assertAccessible();
        browser.open("/petitions/new?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Receive a petition");
        browser.screenshot("receive-en");
        browser.assertAccessible();
        browser.open("/petitions/new?lang=vi");
    }

    @Test
    void a_form_sent_twice_receives_once_and_an_inspector_may_not_receive() {
        String cookie = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "officer", "officer"));
        String page = RawHttp.request("GET", "/petitions/new").header("Cookie", cookie).send(port).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", field(page, "_csrf"));
        form.put("formKey", field(page, "formKey"));
        form.put("receivedOn", today.toString());
        form.put("channel", "ONLINE");
        form.put("kind", "RECOMMENDATION");
        form.put("field", "Giáo dục");
        form.put("summary", "Kiến nghị mở thêm lớp bán trú");
        form.put("ward", "");
        form.put("petitioners[0].fullName", "");
        form.put("petitioners[0].address", "");
        form.put("appointmentOn", today.plusDays(3).toString());
        long before = petitions();
        String location = null;
        for (int i = 0; i < 2; i++) {
            RawHttp.Response sent = RawHttp.request("POST", "/petitions").header("Cookie", cookie).form(form).send(port);
            assertThat(sent.status()).as("post %d: %s", i + 1, sent.body()).isEqualTo(302);
            assertThat(location == null || location.equals(sent.header("Location"))).as("the same petition").isTrue();
            location = sent.header("Location");
        }
        assertThat(petitions()).as("sent twice, received once").isEqualTo(before + 1);
        JsonNode petition = Api.officer(port).get(location.replaceFirst("^.*(/petitions/)", "/api$1")
                .replace("/receipt", "")).json();
        assertThat(petition.path("petitioners")).as("no name: an anonymous letter").isEmpty();
        assertThat(petition.path("ward").isNull()).isTrue();
        assertThat(petition.path("appointmentOn").asText()).isEqualTo(today.plusDays(3).toString());

        String inspector = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "inspector", "inspector"));
        RawHttp.Response shown = RawHttp.request("GET", "/petitions/new").header("Cookie", inspector).send(port);
        assertThat(shown.status()).isEqualTo(403);
        form.put("_csrf", field(shown.body(), "_csrf"));
        form.put("formKey", "inspector-key");
        RawHttp.Response refused = RawHttp.request("POST", "/petitions").header("Cookie", inspector).form(form).send(port);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(petitions()).isEqualTo(before + 1);
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the page has %s", name).isTrue();
        return matcher.group(1);
    }
}
