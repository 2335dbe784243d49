package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;

/**
 * An inspector checks the store from the audit page: a petition's chain is OK, the whole store is OK
 * with its progress shown; after an event is altered straight in the database, the page shows BROKEN
 * at that event, from the audit page and from the replay; a seal is made and printed on A4; the export
 * downloads. An admin may seal, a chair check a chain, and nothing more. Its own database, since it
 * tampers with it; events seal at once ({@code petition.audit.settle=PT0S}).
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=audit-pages", "petition.audit.settle=PT0S"})
class AuditPageJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private LocalDate today;

    @BeforeEach
    void at() {
        browser.at(port);
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** A petition received 6 days ago and accepted 5 days ago: its id and reference. */
    private String[] petition() {
        Map<String, Object> body = Api.petition(today.minusDays(6).toString(), "DENUNCIATION", "Xây dựng");
        body.put("petitioners", List.of(Map.of("fullName", "Đinh Văn Kín", "address", "Xóm Chùa")));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String id = received.text("id");
        Api.Response accepted = Api.chair(port).post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", today.minusDays(5).toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return new String[] {id, received.text("reference")};
    }

    @Test
    void the_inspector_sees_ok_then_broken_at_the_event_altered_in_the_database() {
        String[] petition = petition();
        String id = petition[0];
        String reference = petition[1];
        SignInPage.open(browser).signInAs("inspector");
        AuditPage audit = AuditPage.open(browser);
        assertThat(audit.parts()).containsExactly("chain", "store", "seals", "export");

        audit.checkChain(reference);
        assertThat(audit.chainVerdict()).isEqualTo("OK");
        assertThat(audit.chainResult()).contains("Đơn " + reference + ": cả 2 sự kiện khớp");
        audit.verifyEverything();
        assertThat(audit.storeVerdict()).isEqualTo("OK");
        assertThat(audit.progress()).isEqualTo("100");
        assertThat(audit.run()).contains("đều khớp");
        browser.screenshot("audit-ok-vi");
        browser.assertAccessible();

        String accepted = today.minusDays(5).toString();
        String altered = today.minusDays(4).toString();
        int updated = jdbc.sql("""
                UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), :from, :to), 'UTF8')
                WHERE aggregate_identifier = :id AND sequence_number = 1""")
                .param("from", accepted).param("to", altered).param("id", id).update();
        assertThat(updated).isEqualTo(1);
        try {
            audit.checkChain(reference);
            assertThat(audit.chainVerdict()).isEqualTo("BROKEN");
            assertThat(audit.chainResult()).contains("Sự kiện thứ (trong hồ sơ)\n1").contains("Thụ lý đơn")
                    .contains("Nội dung sự kiện đã bị sửa");
            audit.verifyEverything();
            assertThat(audit.storeVerdict()).isEqualTo("BROKEN");
            assertThat(audit.run()).contains(id).contains("Nội dung sự kiện đã bị sửa");
            browser.screenshot("audit-broken-vi");
            browser.assertAccessible();

            browser.open("/audit?lang=en");
            new AuditPage(browser).checkChain(id);
            assertThat(new AuditPage(browser).chainResult()).contains("Event number (in the record)\n1")
                    .contains("Accepted").contains("The event’s content was altered");
            browser.screenshot("audit-broken-en");
            browser.assertAccessible();
            browser.open("/audit?lang=vi");

            // From the replay: the same check, in place.
            ReplayPage.open(browser, id);
            browser.find(By.cssSelector("#verify button[type=submit]")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#chain-result [data-verification]")).isEmpty());
            assertThat(browser.find(By.cssSelector("#chain-result [data-verification]")).getAttribute("data-verification"))
                    .isEqualTo("BROKEN");
            assertThat(browser.html()).doesNotContain("Đinh Văn Kín");
            browser.screenshot("replay-broken-vi");
            browser.assertAccessible();
        } finally {
            jdbc.sql("""
                    UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), :to, :from), 'UTF8')
                    WHERE aggregate_identifier = :id AND sequence_number = 1""")
                    .param("from", accepted).param("to", altered).param("id", id).update();
        }
        audit = AuditPage.open(browser).checkChain(reference);
        assertThat(audit.chainVerdict()).as("restored").isEqualTo("OK");
    }

    @Test
    void the_inspector_seals_prints_the_seal_on_a4_and_downloads_the_export() throws Exception {
        petition();
        SignInPage.open(browser).signInAs("inspector");
        AuditPage.open(browser);
        browser.find(By.cssSelector("#seal-form button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().matches("/audit/seals/\\d+"));
        String sealId = browser.path().replaceAll(".*/audit/seals/(\\d+).*", "$1");
        String root = "";
        for (JsonNode seal : Api.as(port, "inspector").get("/api/audit/seals").json()) {
            if (seal.path("id").asText().equals(sealId)) {
                root = seal.path("merkleRoot").asText();
            }
        }
        assertThat(root).as("the seal the API lists").hasSize(64);
        assertThat(browser.find(By.id("seal-root")).getText()).isEqualTo(root);
        assertThat(browser.text()).contains("Đã niêm phong số " + sealId).contains("NIÊM PHONG DỮ LIỆU ĐƠN THƯ");
        browser.screenshot("audit-seal-vi");
        browser.assertAccessible();

        Map<String, Object> printed = ((ChromeDriver) browser.driver()).executeCdpCommand(
                "Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
        Files.write(Browser.SCREENSHOTS.resolve("audit-seal-vi.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
            assertThat(text.replace(" ", "")).contains(root);
            assertThat(text).contains("NIÊM PHONG DỮ LIỆU ĐƠN THƯ").doesNotContain("Đăng xuất")
                    .doesNotContain("In (khổ A4)");
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png",
                    Browser.SCREENSHOTS.resolve("audit-seal-print-vi.png").toFile());
        }

        AuditPage audit = AuditPage.open(browser);
        assertThat(browser.find(By.id("seal-list")).getText()).contains(root);
        assertThat(browser.text()).contains("python3 verify.py");
        browser.screenshot("audit-seals-vi");
        browser.open("/audit?lang=en");
        browser.screenshot("audit-seals-en");
        browser.assertAccessible();
        browser.open("/audit?lang=vi");

        String inspector = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "inspector", "inspector"));
        RawHttp.Response zip = RawHttp.request("GET", "/audit/export?from=" + today.withDayOfYear(1) + "&to=" + today)
                .header("Cookie", inspector).send(port);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).startsWith("application/zip");
        assertThat(zip.body()).startsWith("PK");
        assertThat(RawHttp.request("GET", "/audit/export?from=" + today + "&to=" + today.minusDays(1))
                .header("Cookie", inspector).send(port).status()).as("a period backwards").isEqualTo(400);
    }

    @Test
    void an_admin_may_only_seal_and_a_chair_only_check_a_chain() {
        petition();
        SignInPage.open(browser).signInAs("admin");
        AuditPage audit = AuditPage.open(browser);
        assertThat(audit.parts()).containsExactly("seals");
        assertThat(browser.all(By.id("seal-list"))).as("the seals are read by inspectors").isEmpty();
        browser.find(By.cssSelector("#seal-form button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("main .notice")).isEmpty());
        assertThat(browser.path()).isEqualTo("/audit");
        assertThat(browser.find(By.cssSelector("main .notice")).getText()).containsPattern("Đã niêm phong số \\d+|Không có sự kiện mới");
        browser.screenshot("audit-admin-vi");
        browser.assertAccessible();
        browser.open("/audit/seals/1");
        assertThat(browser.find(By.tagName("h1")).getText()).as("the seal sheet is the inspector's").doesNotContain("NIÊM PHONG");

        browser.driver().manage().deleteAllCookies();
        SignInPage.open(browser).signInAs("chair");
        assertThat(AuditPage.open(browser).parts()).containsExactly("chain");
        browser.assertAccessible();
    }
}
