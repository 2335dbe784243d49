package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;

/**
 * The citizen's side, in two real browsers: the officer receives a petition at the desk and prints its
 * receipt, with a lookup code and its QR code; a second browser, signed in as nobody, opens the QR
 * code's address and sees the petition RECEIVED with its deadline, and after the chair answers, resolved
 * and whether on time. A wrong code and an unknown reference get the same answer; a replaced code
 * retires the old one; twenty quick wrong tries get 429. Its own database and limiter.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=citizen-lookup")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitizenLookupTest {

    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String NAME = "Hoàng Thị Lan";
    private static final String SUMMARY = "Khiếu nại quyết định thu hồi đất của thửa 112";

    @RegisterExtension
    static final Browser officer = new Browser();

    @RegisterExtension
    static final Browser citizen = new Browser();

    @LocalServerPort
    int port;

    private LocalDate today;
    private String id;
    private String reference;
    private String code;

    @BeforeEach
    void at() {
        officer.at(port);
        citizen.at(port);
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static void type(Browser browser, String field, String text) {
        WebElement input = browser.find(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private RawHttp.Response lookup(String from, String reference, String code) {
        return RawHttp.request("POST", "/api/public/lookup").from(from)
                .json("{\"reference\":\"" + reference + "\",\"code\":\"" + code + "\"}").send(port);
    }

    @Test
    @Order(1)
    void the_officer_receives_a_petition_and_prints_its_receipt_with_a_lookup_code_shown_once() {
        SignInPage.open(officer).signInAs("officer");
        officer.open("/petitions/new");
        new Select(officer.find(By.id("channel"))).selectByValue("IN_PERSON");
        new Select(officer.find(By.id("kind"))).selectByValue("COMPLAINT");
        type(officer, "field", "Đất đai");
        type(officer, "summary", SUMMARY);
        type(officer, "p0-fullName", NAME);
        type(officer, "p0-address", "Thôn Nam");
        type(officer, "d0-title", "Quyết định thu hồi đất số 45/QĐ-UBND");
        type(officer, "d0-pages", "3");
        new Select(officer.find(By.id("d0-original"))).selectByValue("false");
        type(officer, "d1-title", "Giấy chứng nhận quyền sử dụng đất");
        type(officer, "d1-pages", "2");
        new Select(officer.find(By.id("d1-original"))).selectByValue("true");
        ((JavascriptExecutor) officer.driver()).executeScript("arguments[0].value = arguments[1];",
                officer.find(By.id("appointmentOn")), today.plusDays(7).toString());
        officer.find(By.cssSelector("#receive-form button[type=submit]")).click();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(10))
                .until(d -> officer.path().matches("/petitions/[0-9a-f-]{36}/receipt"));
        id = officer.path().split("/")[2];

        reference = officer.find(By.id("receipt-reference")).getText();
        code = officer.find(By.id("receipt-code")).getText();
        assertThat(reference).matches("\\d{4}-\\d{4}");
        assertThat(code).matches(CODE);
        assertThat(officer.find(By.cssSelector(".receipt__qr svg path")).getAttribute("d")).startsWith("M");
        assertThat(officer.find(By.id("receipt-documents")).getText())
                .contains("Quyết định thu hồi đất số 45/QĐ-UBND").contains("bản sao")
                .contains("Giấy chứng nhận quyền sử dụng đất").contains("bản chính");
        JsonNode petition = Api.officer(port).get("/api/petitions/" + id).json();
        assertThat(officer.find(By.id("receipt-due")).getText())
                .isEqualTo(LocalDate.parse(petition.path("handlingDueOn").asText()).format(DAY));
        assertThat(petition.path("handedOver")).hasSize(2);
        assertThat(officer.find(By.id("receipt-appointment")).getText()).endsWith(today.plusDays(7).format(DAY));
        assertThat(petition.path("appointmentOn").asText()).isEqualTo(today.plusDays(7).toString());
        assertThat(officer.path()).as("the code is in no URL").doesNotContain(code);
        officer.screenshot("receipt-vi");
        officer.assertAccessible();

        officer.driver().navigate().refresh();
        assertThat(officer.all(By.id("receipt-code"))).as("shown once: printed again, the receipt has no code").isEmpty();
        assertThat(officer.html()).doesNotContain(code);
        assertThat(officer.find(By.id("replace-code")).isDisplayed()).isTrue();
        assertThat(petition.toString()).doesNotContain(code).doesNotContain("lookupCode");
    }

    @Test
    @Order(2)
    void a_citizen_signed_in_as_nobody_opens_the_qr_codes_address_and_sees_the_petition_received() {
        citizen.open("/lookup#r=" + reference + "&c=" + code);
        new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                .until(d -> !citizen.all(By.id("lookup-status")).isEmpty());
        assertThat(citizen.find(By.id("lookup-status")).getAttribute("data-status")).isEqualTo("RECEIVED");
        assertThat(citizen.find(By.id("lookup-status")).getText()).isEqualTo("Đã tiếp nhận");
        JsonNode petition = Api.officer(port).get("/api/petitions/" + id).json();
        assertThat(citizen.find(By.id("lookup-due")).getText())
                .isEqualTo(LocalDate.parse(petition.path("handlingDueOn").asText()).format(DAY));
        assertThat(citizen.find(By.id("lookup-kept")).getText()).isEqualTo("Đang giải quyết, còn trong hạn");
        assertThat(citizen.driver().getCurrentUrl()).as("the fragment is taken off the address bar")
                .doesNotContain(code).doesNotContain("#");
        String html = citizen.html();
        assertThat(html).doesNotContain(NAME).doesNotContain("Thôn Nam").doesNotContain(SUMMARY)
                .doesNotContain(id).doesNotContain(code).doesNotContain("officer");
        assertThat(citizen.driver().manage().getCookieNamed("JSESSIONID")).as("no session opened").isNull();
        citizen.screenshot("lookup-received-vi");
        citizen.assertAccessible();
        citizen.resize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) citizen.driver())
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than a phone").isLessThanOrEqualTo(390);
        citizen.screenshot("lookup-received-phone");
    }

    @Test
    @Order(3)
    void after_the_chair_answers_the_lookup_shows_it_resolved_and_whether_on_time_in_english_too() {
        Api chair = Api.chair(port);
        assertThat(chair.post("/api/petitions/" + id + "/acceptance", Map.of("acceptedOn", today.toString())).status())
                .isEqualTo(200);
        assertThat(chair.post("/api/petitions/" + id + "/written-answer", Map.of("answeredOn", today.toString(),
                "documentNumber", "15/QĐ-UBND", "summary", "Giữ nguyên quyết định")).status()).isEqualTo(200);

        citizen.open("/lookup?lang=en");
        type(citizen, "reference", reference);
        type(citizen, "code", code.toLowerCase().replace("-", " "));
        citizen.find(By.cssSelector("#lookup-form button[type=submit]")).click();
        new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                .until(d -> !citizen.all(By.id("lookup-status")).isEmpty());
        assertThat(citizen.find(By.id("lookup-status")).getAttribute("data-status")).isEqualTo("RESOLVED");
        assertThat(citizen.find(By.id("lookup-status")).getText()).isEqualTo("Resolved");
        assertThat(citizen.find(By.id("lookup-kept")).getAttribute("data-timeliness")).isEqualTo("EARLY");
        assertThat(citizen.find(By.id("lookup-kept")).getText()).isEqualTo("Done before the deadline");
        assertThat(citizen.all(By.cssSelector(".lookup-steps li"))).hasSize(3);
        assertThat(citizen.find(By.id("code")).getAttribute("value")).as("the code is not written back").isEmpty();
        citizen.screenshot("lookup-resolved-en");
        citizen.assertAccessible();
        citizen.open("/lookup?lang=vi");
    }

    @Test
    @Order(4)
    void a_wrong_code_and_an_unknown_reference_get_the_same_answer_and_no_internal_id() {
        RawHttp.Response right = lookup("127.0.0.11", reference, code);
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(right.json().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(right.json().path("timeliness").asText()).isEqualTo("EARLY");
        assertThat(right.body()).doesNotContain(id).doesNotContain(NAME).doesNotContain(SUMMARY).doesNotContain("officer");
        assertThat(right.header("Set-Cookie")).isNull();

        String wrongCode = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        RawHttp.Response wrong = lookup("127.0.0.12", reference, wrongCode);
        RawHttp.Response unknown = lookup("127.0.0.12", "2099-0001", code);
        RawHttp.Response malformed = lookup("127.0.0.12", "not-a-reference", "??");
        for (RawHttp.Response answer : new RawHttp.Response[] {wrong, unknown, malformed}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().replace("2099-0001", "").replace("not-a-reference", ""))
                    .isEqualTo(wrong.body());
        }
        assertThat(wrong.json().path("detail").asText()).isEqualTo("No petition has this reference and lookup code");

        citizen.open("/lookup");
        type(citizen, "reference", "2099-0001");
        type(citizen, "code", code);
        citizen.find(By.cssSelector("#lookup-form button[type=submit]")).click();
        new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                .until(d -> !citizen.all(By.id("lookup-result")).isEmpty());
        String unknownPage = citizen.find(By.id("lookup-result")).getText();
        citizen.open("/lookup");
        type(citizen, "reference", reference);
        type(citizen, "code", wrongCode);
        citizen.find(By.cssSelector("#lookup-form button[type=submit]")).click();
        new WebDriverWait(citizen.driver(), Duration.ofSeconds(10))
                .until(d -> !citizen.all(By.id("lookup-result")).isEmpty());
        assertThat(citizen.find(By.id("lookup-result")).getText()).isEqualTo(unknownPage)
                .isEqualTo("Không tìm thấy đơn với số đơn và mã tra cứu này. Hãy kiểm tra lại giấy biên nhận.");
    }

    @Test
    @Order(5)
    void a_replaced_code_retires_the_old_one_and_is_an_event_in_the_history() {
        SignInPage.open(officer).signInAs("officer");
        officer.open("/petitions/" + id + "/receipt");
        officer.find(By.id("replace-code")).click();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(10))
                .until(d -> !officer.all(By.id("receipt-code")).isEmpty());
        String replacement = officer.find(By.id("receipt-code")).getText();
        assertThat(replacement).matches(CODE).isNotEqualTo(code);
        assertThat(lookup("127.0.0.13", reference, code).status()).as("the old code").isEqualTo(404);
        assertThat(lookup("127.0.0.13", reference, replacement).status()).as("the new code").isEqualTo(200);
        JsonNode history = Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json();
        assertThat(history.path("events").findValuesAsText("type")).contains("LookupCodeReplaced");
        assertThat(history.toString()).doesNotContain(replacement).doesNotContain(code);

        Api.Response api = Api.officer(port).post("/api/petitions/" + id + "/lookup-code", Map.of());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.text("lookupCode")).matches(CODE);
        assertThat(Api.as(port, "inspector").post("/api/petitions/" + id + "/lookup-code", Map.of()).status())
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void the_api_gives_the_code_once_in_the_201_and_never_in_a_replayed_answer() {
        Api officerApi = Api.officer(port).with("Idempotency-Key", "lookup-once");
        Map<String, Object> body = Api.petition(today.toString(), "DENUNCIATION", "Trật tự xây dựng");
        Api.Response first = officerApi.post("/api/petitions", body);
        assertThat(first.status()).isEqualTo(201);
        String fresh = first.text("lookupCode");
        assertThat(fresh).matches(CODE);
        Api.Response replayed = officerApi.post("/api/petitions", body);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().has("lookupCode")).as("the kept answer has no code").isFalse();
        assertThat(replayed.text("id")).isEqualTo(first.text("id"));

        RawHttp.Response denunciation = lookup("127.0.0.14", first.text("reference"), fresh);
        assertThat(denunciation.status()).isEqualTo(200);
        assertThat(denunciation.json().path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(denunciation.body()).doesNotContain("summary").doesNotContain("petitioners")
                .doesNotContain(first.text("id"));
    }

    @Test
    @Order(7)
    void twenty_quick_wrong_tries_get_429_with_retry_after_and_a_bad_body_is_400() {
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 20; i++) {
            RawHttp.Response answer = lookup("127.0.0.20", reference, "0000-0000-0000-000" + (i % 10));
            if (answer.status() == 429) {
                refused++;
                retryAfter = answer.header("Retry-After");
            } else {
                assertThat(answer.status()).isEqualTo(404);
            }
        }
        assertThat(refused).as("past ten failures a minute from one address").isEqualTo(10);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        assertThat(lookup("127.0.0.20", reference, code).status()).as("even the right code waits").isEqualTo(429);
        assertThat(lookup("127.0.0.21", reference, "0000-0000-0000-0000").status())
                .as("another address is not held back").isEqualTo(404);

        RawHttp.Response bad = RawHttp.request("POST", "/api/public/lookup").from("127.0.0.22")
                .json("{\"reference\":\"\"}").send(port);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"reference\"").contains("\"code\"");
        assertThat(RawHttp.request("GET", "/api/public/lookup").send(port).status()).isIn(401, 403, 405);
    }

    @Test
    @Order(8)
    void the_officer_attaches_a_scan_of_a_document_on_the_petitions_page() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("so-do-", ".pdf");
        java.nio.file.Files.write(file, "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        SignInPage.open(officer).signInAs("officer");
        officer.open("/petitions/" + id);
        assertThat(officer.find(By.id("receipt-link")).getAttribute("href")).endsWith("/petitions/" + id + "/receipt");
        assertThat(officer.find(By.id("handed-over")).getText()).contains("Quyết định thu hồi đất số 45/QĐ-UBND");
        officer.find(By.id("scan-2")).sendKeys(file.toAbsolutePath().toString());
        officer.find(By.cssSelector("#document-2 .scan-form button")).click();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(10))
                .until(d -> !officer.all(By.cssSelector("#document-2 .scan-link")).isEmpty());
        assertThat(officer.find(By.cssSelector("main .notice[role=status]")).getText())
                .isEqualTo("Đã ghi nhận: Đính kèm bản quét tài liệu.");
        assertThat(officer.all(By.cssSelector("#document-1 .scan-link"))).isEmpty();
        officer.screenshot("petition-scans-vi");
        officer.assertAccessible();
        java.nio.file.Files.writeString(file, "not a scan");
        officer.find(By.id("scan-1")).sendKeys(file.toAbsolutePath().toString());
        officer.find(By.cssSelector("#document-1 .scan-form button")).click();
        new WebDriverWait(officer.driver(), Duration.ofSeconds(10))
                .until(d -> !officer.all(By.cssSelector("#handed-over-title + .notice--error")).isEmpty());
        assertThat(officer.all(By.cssSelector("#document-1 .scan-link"))).as("nothing attached").isEmpty();
        java.nio.file.Files.delete(file);
    }
}
