package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.RawHttp;

/**
 * The session desk on a Thursday, as the officer works it: opening the session, logging each
 * visit in the one form (the register grows without a reload, the form comes back empty with the
 * focus on its first field, Tab and Enter do the work), closing it after a confirmation, printing
 * its register on A4. A refused visit names its rule, a field left empty says so beside it, a visit
 * sent twice is logged once, and the desk works without JavaScript. Every page and state passes
 * axe-core and is photographed, in both languages.
 */
class SessionDeskJourneyTest extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private LocalDate thursday;

    @BeforeEach
    void thisWeeksThursday() {
        thursday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
    }

    private JsonNode session(String id) {
        return Api.officer(port).get("/api/sessions/" + id).json();
    }

    /** A session opened through the API, with a group visit, a received petition and a guided citizen. */
    private String sessionWithThreeVisits(LocalDate on, String host) {
        Api.Response opened = Api.officer(port).post("/api/sessions",
                Map.of("heldOn", on.toString(), "kind", "PERIODIC", "host", host, "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.text("id");
        visit(id, Map.of("people", 7, "group", true, "representatives", 2, "repeat", false, "kind", "COMPLAINT",
                "summary", "Khiếu nại việc thu hồi đất làm đường liên thôn", "outcome", "EXPLAINED"));
        Map<String, Object> received = new LinkedHashMap<>(Map.of("people", 1, "group", false, "repeat", true,
                "kind", "RECOMMENDATION", "summary", "Kiến nghị sửa chữa cống thoát nước khu 4", "outcome",
                "PETITION_RECEIVED"));
        received.put("petition", Map.of("kind", "RECOMMENDATION", "field", "Hạ tầng", "ward", "Khu 4",
                "summary", "Kiến nghị sửa chữa cống thoát nước khu 4",
                "petitioners", List.of(Map.of("fullName", "Vũ Thị Lan", "address", "Khu 4"))));
        visit(id, received);
        visit(id, Map.of("people", 1, "group", false, "repeat", false, "kind", "FEEDBACK",
                "summary", "Hỏi thủ tục đăng ký hộ kinh doanh", "outcome", "GUIDED"));
        return id;
    }

    /** Logs a visit through the API, with who came: these sessions are after Luật 136/2025/QH15. */
    private void visit(String sessionId, Map<String, Object> body) {
        Map<String, Object> withVisitor = new LinkedHashMap<>(body);
        withVisitor.putIfAbsent("visitor", Map.of("fullName", "Đinh Văn Khách", "address", "Thôn Bắc",
                "idNumber", "001090001234"));
        Api.Response logged = Api.officer(port).post("/api/sessions/" + sessionId + "/visits", withVisitor);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    }

    private Object sameWindow() {
        return ((JavascriptExecutor) browser.driver()).executeScript("return window.stillTheSamePage === true;");
    }

    @Test
    void the_officer_opens_thursdays_session_logs_three_visits_without_a_reload_and_closes_it() {
        SignInPage.open(browser).signInAs("officer");
        browser.find(By.linkText("Buổi tiếp công dân")).click();
        browser.awaitPath("/sessions");
        SessionDeskPage sessions = new SessionDeskPage(browser);
        assertThat(sessions.heading()).isEqualTo("Buổi tiếp công dân");
        browser.screenshot("sessions-vi");
        browser.assertAccessible();

        SessionDeskPage desk = sessions.open(thursday, "PERIODIC", "Nguyễn Văn Chủ", true);
        String id = desk.sessionId();
        assertThat(desk.heading()).isEqualTo("Buổi tiếp ngày " + thursday.format(DAY));
        assertThat(desk.facts()).contains("Tiếp định kỳ").contains("Nguyễn Văn Chủ").contains("trực tiếp chủ trì")
                .contains("đang mở");
        assertThat(desk.status()).startsWith("Đã mở buổi tiếp công dân.");
        assertThat(desk.count()).isEqualTo("Chưa có lượt tiếp nào.");
        assertThat(desk.focused()).as("the first field has the focus").isEqualTo("people");
        assertThat(desk.shows("group-part")).as("the group is asked only from 5 people").isFalse();
        assertThat(desk.shows("petition-part")).isFalse();
        browser.screenshot("desk-empty-vi");
        browser.assertAccessible();
        ((JavascriptExecutor) browser.driver()).executeScript("window.stillTheSamePage = true;");

        // A group of six, with two representatives: the group's part of the form appears at 5 people.
        desk.people(6);
        assertThat(desk.shows("group-part")).isTrue();
        desk.group(2).visitor("Phan Văn Đại", "Xóm 3", "001090001111").kind("COMPLAINT")
                .summary("Khiếu nại việc bồi thường khi mở rộng đường xóm 3").outcome("EXPLAINED").log();
        assertThat(desk.rows()).hasSize(1);
        assertThat(desk.rows().get(0)).contains("6").contains("đoàn đông người, 2 người đại diện")
                .contains("Phan Văn Đại").contains("Khiếu nại").contains("Giải thích");
        assertThat(desk.status()).isEqualTo("Đã ghi lượt tiếp số 1. Mời công dân tiếp theo.");
        assertThat(desk.focused()).as("the focus is back on the first field for the next citizen").isEqualTo("people");
        assertThat(desk.value("people")).isEqualTo("1");
        assertThat(desk.shows("group-part")).isFalse();

        // A citizen whose petition is received: its field, ward and petitioners in the same form.
        desk.repeatVisit().visitor("Trần Văn Bình", "Xóm 2", "001090002222").kind("RECOMMENDATION")
                .summary("Kiến nghị lắp đèn chiếu sáng ngõ 12")
                .outcome("PETITION_RECEIVED");
        assertThat(desk.shows("petition-part")).isTrue();
        desk.petition("Hạ tầng", "Xóm 2").petitioner(0, "Trần Văn Bình", "Xóm 2")
                .petitioner(1, "Trần Thị Hà", "Xóm 2");
        browser.find(By.id("d0-title")).sendKeys("Sơ đồ ngõ 12");
        browser.find(By.id("d0-pages")).sendKeys("1");
        browser.screenshot("desk-petition-form-vi");
        browser.assertAccessible();
        desk.log();
        assertThat(desk.rows()).hasSize(2);
        assertThat(desk.shows("petition-part")).isFalse();
        JsonNode received = session(id).path("visits").get(1);
        String petitionId = received.path("petitionId").asText();
        JsonNode petition = Api.officer(port).get("/api/petitions/" + petitionId).json();
        assertThat(petition.path("channel").asText()).isEqualTo("RECEPTION_SESSION");
        assertThat(petition.path("sessionId").asText()).isEqualTo(id);
        assertThat(petition.path("receivedOn").asText()).isEqualTo(thursday.toString());
        assertThat(petition.path("kind").asText()).isEqualTo("RECOMMENDATION");
        assertThat(petition.path("field").asText()).isEqualTo("Hạ tầng");
        assertThat(petition.path("petitioners").findValuesAsText("fullName")).containsExactly("Trần Văn Bình", "Trần Thị Hà");
        assertThat(petition.path("handedOver").findValuesAsText("title")).containsExactly("Sơ đồ ngõ 12");
        assertThat(desk.rows().get(1)).contains("Nhiều lần").contains("Tiếp nhận đơn")
                .contains("đơn số " + petition.path("reference").asText());
        // Its receipt, with the lookup code shown once, in a tab of its own: the desk stays as it is.
        WebElement receiptLink = browser.find(By.id("desk-receipt"));
        assertThat(receiptLink.getText()).isEqualTo("In giấy biên nhận đơn số " + petition.path("reference").asText());
        String receipt = receiptLink.getAttribute("href");
        String desktab = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.driver().get(receipt);
        assertThat(browser.find(By.id("receipt-code")).getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        browser.driver().navigate().refresh();
        assertThat(browser.all(By.id("receipt-code"))).as("shown once").isEmpty();
        browser.driver().close();
        browser.driver().switchTo().window(desktab);

        // A citizen guided elsewhere, with the keyboard alone: Tab from field to field, type to choose, Enter.
        assertThat(desk.focused()).isEqualTo("people");
        new Actions(browser.driver())
                .sendKeys(Keys.TAB)                       // one person: on to first or repeat (first)
                .sendKeys(Keys.TAB).sendKeys("Lò Thị Ba") // who came: name, ID number, address
                .sendKeys(Keys.TAB).sendKeys("001090003333")
                .sendKeys(Keys.TAB).sendKeys("Bản Mường")
                .sendKeys(Keys.TAB).sendKeys("Ph")        // kind: Phản ánh
                .sendKeys(Keys.TAB).sendKeys("Hỏi thủ tục cấp lại giấy khai sinh")
                .sendKeys(Keys.TAB).sendKeys("H")         // outcome: Hướng dẫn
                .sendKeys(Keys.TAB)                       // the button
                .perform();
        assertThat(browser.driver().switchTo().activeElement().getText()).as("Tab reached the button").isEqualTo("Ghi lượt tiếp");
        WebElement form = desk.visitForm();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        desk.awaitAnswer(form);
        assertThat(desk.rows()).hasSize(3);
        assertThat(desk.rows().get(2)).contains("Lần đầu").contains("Phản ánh").contains("Hỏi thủ tục cấp lại giấy khai sinh")
                .contains("Hướng dẫn");
        assertThat(desk.count()).isEqualTo("3 lượt tiếp, 8 người");
        assertThat(desk.focused()).isEqualTo("people");
        assertThat(sameWindow()).as("htmx appended the rows; the page was never reloaded").isEqualTo(true);
        browser.screenshot("desk-three-visits-vi");
        browser.assertAccessible();
        browser.resize(Browser.TABLET);
        browser.screenshot("desk-tablet-vi");
        browser.assertAccessible();
        browser.resize(Browser.DESK);
        browser.open("/sessions/" + id + "?lang=en");
        assertThat(desk.heading()).isEqualTo("Session of " + thursday.format(DAY));
        assertThat(desk.count()).isEqualTo("3 visits, 8 people");
        browser.screenshot("desk-three-visits-en");
        browser.assertAccessible();
        browser.open("/sessions/" + id + "?lang=vi");

        JsonNode logged = session(id);
        assertThat(logged.path("visits")).hasSize(3);
        assertThat(logged.path("visits").get(0).path("representatives").asInt()).isEqualTo(2);
        assertThat(logged.path("visits").get(2).path("outcome").asText()).isEqualTo("GUIDED");

        // Closing asks first, on a page of its own.
        desk.askToClose();
        assertThat(desk.heading()).isEqualTo("Kết thúc buổi tiếp ngày " + thursday.format(DAY));
        assertThat(browser.text()).contains("Buổi tiếp đã ghi 3 lượt tiếp, 8 người.").contains("không thể mở lại");
        assertThat(session(id).path("closed").asBoolean()).as("asking closes nothing").isFalse();
        browser.screenshot("session-closing-vi");
        browser.assertAccessible();
        desk.confirmClosing();
        assertThat(desk.status()).isEqualTo("Đã kết thúc buổi tiếp công dân.");
        assertThat(desk.facts()).contains("đã kết thúc");
        assertThat(desk.offersVisitForm()).isFalse();
        assertThat(desk.offersClosing()).isFalse();
        assertThat(desk.rows()).hasSize(3);
        assertThat(session(id).path("closed").asBoolean()).isTrue();
        browser.screenshot("desk-closed-vi");
        browser.assertAccessible();
    }

    @Test
    void the_register_prints_on_one_a4_page_with_the_commune_the_date_the_host_and_every_visit() throws IOException {
        LocalDate day = thursday.minusWeeks(1);
        String id = sessionWithThreeVisits(day, "Lê Văn Tâm");
        SignInPage.open(browser).signInAs("officer");
        SessionDeskPage.desk(browser, id);
        browser.find(By.linkText("In sổ tiếp công dân")).click();
        browser.awaitPath("/sessions/" + id + "/register");
        String commune = browser.find(By.cssSelector(".sheet__commune")).getText();
        assertThat(browser.text()).contains("SỔ TIẾP CÔNG DÂN").contains("Tiếp định kỳ, ngày " + day.format(DAY))
                .contains("Lê Văn Tâm").contains("3 lượt tiếp, 9 người");
        assertThat(browser.find(By.cssSelector("[data-print]")).isDisplayed()).as("the print button, with JavaScript").isTrue();
        browser.screenshot("session-register-vi");
        browser.assertAccessible();

        Map<String, Object> printed = ((ChromeDriver) browser.driver()).executeCdpCommand(
                "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(Browser.SCREENSHOTS.resolve("session-register-vi.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("A4 is 210 mm wide").isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            assertThat(page.getHeight()).as("A4 is 297 mm high").isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            // Chromium's fonts may spell a letter with its diacritics as several characters: compare composed.
            // Chromium's fonts may spell a letter with its diacritics as several characters, and a cell's text
            // wraps: compare composed, with every run of white space as one space.
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
            assertThat(text).contains(commune).contains("SỔ TIẾP CÔNG DÂN").contains(day.format(DAY)).contains("Lê Văn Tâm")
                    .contains("Khiếu nại việc thu hồi đất làm đường liên thôn").contains("Hỏi thủ tục đăng ký hộ kinh doanh")
                    .contains("(Ký, ghi rõ họ tên)")
                    .doesNotContain("Đăng xuất").doesNotContain("In sổ (khổ A4)").doesNotContain("Trang chủ");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png",
                    Browser.SCREENSHOTS.resolve("session-register-print-vi.png").toFile());
        }
    }

    @Test
    void a_refused_visit_names_its_rule_a_field_left_empty_says_so_beside_it_and_nothing_is_logged() {
        Api.Response opened = Api.officer(port).post("/api/sessions",
                Map.of("heldOn", thursday.toString(), "kind", "REGULAR", "host", "Phạm Thu Trang", "hostedInPerson", false));
        String id = opened.text("id");
        SignInPage.open(browser).signInAs("chair");
        SessionDeskPage desk = SessionDeskPage.desk(browser, id);

        desk.people(8).group(3).kind("COMPLAINT").summary("Khiếu nại về giá bồi thường").outcome("EXPLAINED").log();
        assertThat(desk.refusal()).contains("Chưa ghi nhận được")
                .contains("Đoàn đông người cử 1–2 người đại diện (từ 5 đến 10 người)");
        assertThat(desk.value("representatives")).as("what was typed is kept").isEqualTo("3");
        assertThat(desk.focused()).as("the refusal has the focus").isNullOrEmpty();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("form-errors");
        browser.screenshot("desk-rule-refused-vi");
        browser.assertAccessible();

        desk.group(2).summary(" ").outcome("REFUSED").log();
        assertThat(desk.fieldError("summary")).isEqualTo("Bắt buộc nhập.");
        assertThat(desk.attribute("summary", "aria-invalid")).isEqualTo("true");
        assertThat(desk.attribute("summary", "aria-describedby")).isEqualTo("summary-error");
        assertThat(desk.fieldError("legalGround")).isEqualTo("Chọn căn cứ từ chối tiếp (Điều 9 Luật Tiếp công dân).");
        assertThat(desk.shows("refusal-part")).isTrue();
        assertThat(desk.refusal()).contains("Kiểm tra các ô được đánh dấu bên dưới.");
        browser.screenshot("desk-field-errors-vi");
        browser.assertAccessible();
        assertThat(session(id).path("visits")).isEmpty();

        desk.visitor("Không Rõ Tên", "Không rõ", "001090004444")
                .summary("Đòi gặp Chủ tịch trong tình trạng say rượu").legalGround("INCAPACITATED").log();
        assertThat(desk.rows()).hasSize(1);
        assertThat(desk.rows().get(0)).contains("Từ chối tiếp").contains("Điều 9.1");
        assertThat(session(id).path("visits")).hasSize(1);
    }

    @Test
    void a_visit_sent_twice_is_logged_once_and_the_desk_works_without_javascript() {
        Api.Response opened = Api.officer(port).post("/api/sessions",
                Map.of("heldOn", thursday.toString(), "kind", "REGULAR", "host", "Đào Minh Khoa", "hostedInPerson", true));
        String id = opened.text("id");
        String cookie = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "officer", "officer"));
        String page = RawHttp.request("GET", "/sessions/" + id).header("Cookie", cookie).send(port).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", field(page, "_csrf"));
        form.put("formKey", field(page, "formKey"));
        form.put("people", "1");
        form.put("_group", "on");
        form.put("repeat", "false");
        form.put("kind", "FEEDBACK");
        form.put("summary", "Phản ánh tiếng ồn từ xưởng gỗ");
        form.put("outcome", "PETITION_RECEIVED");
        form.put("field", "Môi trường");
        form.put("ward", "");
        form.put("petitioners[0].fullName", "Ngô Văn Hải");
        form.put("petitioners[0].address", "Thôn Đông");
        form.put("petitioners[0].idNumber", "");
        form.put("petitioners[0].phone", "");
        form.put("petitioners[1].fullName", "");
        form.put("petitioners[1].address", "");
        form.put("legalGround", "INCAPACITATED");
        form.put("visitorFullName", "Ngô Văn Hải");
        form.put("visitorAddress", "Thôn Đông");
        form.put("visitorIdNumber", "001090005555");

        for (int i = 0; i < 2; i++) {
            RawHttp.Response sent = RawHttp.request("POST", "/sessions/" + id + "/visits").header("Cookie", cookie)
                    .form(form).send(port);
            assertThat(sent.status()).as("post %d: %s", i + 1, sent.body()).isEqualTo(302);
            assertThat(sent.header("Location")).endsWith("/sessions/" + id);
        }
        JsonNode visits = session(id).path("visits");
        assertThat(visits).as("sent twice, logged once").hasSize(1);
        assertThat(visits.get(0).path("legalGround").isNull()).as("a ground is only a refusal's").isTrue();
        JsonNode petition = Api.officer(port).get("/api/petitions/" + visits.get(0).path("petitionId").asText()).json();
        assertThat(petition.path("petitioners")).hasSize(1);
        assertThat(petition.path("ward").isNull()).isTrue();
        String desk = RawHttp.request("GET", "/sessions/" + id).header("Cookie", cookie).send(port).body();
        assertThat(desk).contains("Đã ghi lượt tiếp số 1.").contains("Phản ánh tiếng ồn từ xưởng gỗ");

        String closing = RawHttp.request("GET", "/sessions/" + id + "/closing").header("Cookie", cookie).send(port).body();
        Map<String, String> close = Map.of("_csrf", field(closing, "_csrf"), "formKey", field(closing, "formKey"));
        for (int i = 0; i < 2; i++) {
            RawHttp.Response closed = RawHttp.request("POST", "/sessions/" + id + "/closing").header("Cookie", cookie)
                    .form(close).send(port);
            assertThat(closed.status()).as("close %d", i + 1).isEqualTo(302);
        }
        RawHttp.Response again = RawHttp.request("POST", "/sessions/" + id + "/closing").header("Cookie", cookie)
                .form(Map.of("_csrf", close.get("_csrf"), "formKey", "another-key")).send(port);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Buổi tiếp công dân đã kết thúc, không thể ghi thêm lượt tiếp.");
        RawHttp.Response late = RawHttp.request("POST", "/sessions/" + id + "/visits").header("Cookie", cookie)
                .form(Map.of("_csrf", close.get("_csrf"), "formKey", "late-key", "people", "1", "repeat", "false",
                        "kind", "FEEDBACK", "summary", "Đến muộn", "outcome", "GUIDED")).send(port);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("Buổi tiếp công dân đã kết thúc, không thể ghi thêm lượt tiếp.");
        assertThat(session(id).path("visits")).hasSize(1);
    }

    @Test
    void an_inspector_reads_the_desk_and_its_register_but_is_offered_no_form_and_may_post_none() {
        String id = sessionWithThreeVisits(thursday.minusWeeks(2), "Hoàng Thị Mai");
        Map<String, Object> denunciation = new LinkedHashMap<>(Map.of("people", 1, "group", false, "repeat", false,
                "kind", "DENUNCIATION", "summary", "Tố cáo sai phạm trong cấp phép xây dựng", "outcome",
                "PETITION_RECEIVED"));
        denunciation.put("petition", Map.of("kind", "DENUNCIATION", "field", "Xây dựng", "summary",
                "Tố cáo sai phạm trong cấp phép xây dựng",
                "petitioners", List.of(Map.of("fullName", "Lê Thị Kín Tên", "address", "Khu 6"))));
        visit(id, denunciation);
        SignInPage.open(browser).signInAs("inspector");
        SessionDeskPage desk = SessionDeskPage.desk(browser, id);
        assertThat(desk.rows()).hasSize(4);
        assertThat(browser.html()).doesNotContain("Kín Tên").doesNotContain("Đinh Văn Khách")
                .doesNotContain("001090001234").contains("(bảo mật)");
        assertThat(desk.offersVisitForm()).isFalse();
        assertThat(desk.offersClosing()).isFalse();
        assertThat(browser.all(By.cssSelector("main form"))).isEmpty();
        assertThat(browser.all(By.linkText("Tiếp nhận đơn"))).as("no receiving in the inspector's menu").isEmpty();
        browser.screenshot("desk-inspector-vi");
        browser.assertAccessible();
        browser.open("/sessions/" + id + "/register");
        assertThat(browser.text()).contains("4 lượt tiếp, 10 người");
        assertThat(browser.html()).doesNotContain("Kín Tên");
        browser.open("/sessions/" + id + "/closing");
        assertThat(desk.heading()).isEqualTo("Không có quyền truy cập");
        browser.open("/sessions");
        assertThat(browser.all(By.id("open-form"))).isEmpty();

        String cookie = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "inspector", "inspector"));
        String page = RawHttp.request("GET", "/sessions/" + id + "/register").header("Cookie", cookie).send(port).body();
        RawHttp.Response refused = RawHttp.request("POST", "/sessions/" + id + "/visits").header("Cookie", cookie)
                .form(Map.of("_csrf", field(page, "_csrf"), "formKey", "k", "people", "1", "repeat", "false",
                        "kind", "FEEDBACK", "summary", "x", "outcome", "GUIDED")).send(port);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(session(id).path("visits")).hasSize(4);
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the page has %s", name).isTrue();
        return matcher.group(1);
    }
}
