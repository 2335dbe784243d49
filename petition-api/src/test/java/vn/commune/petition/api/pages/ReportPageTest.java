package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.commune.petition.api.Api;

/**
 * The reports page in a real browser: a period chosen, the report previewed with its tables and
 * checks, downloaded as PDF, XLSX and CSV in the same session; a report whose figures do not add up
 * shows the check that failed and offers no download.
 */
class ReportPageTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A file of the page, fetched with the browser's session cookie. */
    private HttpResponse<byte[]> download(String href) throws Exception {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_chair_previews_a_half_years_report_and_downloads_it() throws Exception {
        Api.Response received = Api.officer(port).post("/api/petitions", Api.petition("2005-02-03", "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        SignInPage.open(browser).signInAs("chair");
        browser.open("/reports?year=2005&half=1");
        assertThat(browser.find(By.id("report-title")).getText())
                .isEqualTo("Báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2005 của UBND xã");
        assertThat(browser.find(By.id("report-opening")).getText()).isEqualTo("UBND xã báo cáo kết quả tiếp công dân,"
                + " xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2005 như sau:");
        assertThat(browser.find(By.cssSelector(".report__period")).getText())
                .isEqualTo("Từ ngày 01/01/2005 đến ngày 30/06/2005");
        assertThat(browser.all(By.cssSelector("#report table.report__table"))).hasSize(3);
        assertThat(browser.all(By.cssSelector(".report__checks li"))).hasSize(5)
                .allSatisfy(check -> assertThat(check.getText()).contains(" = ").doesNotContain("≠"));
        browser.screenshot("report-vi");
        browser.assertAccessible();

        for (String format : new String[] {"pdf", "xlsx", "csv"}) {
            String href = browser.find(By.cssSelector("#report .toolbar a[href$='format=" + format + "']"))
                    .getAttribute("href");
            HttpResponse<byte[]> file = download(href);
            assertThat(file.statusCode()).as(href).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("bao-cao-2005-01-01-2005-06-30." + format);
            assertThat(file.body().length).isGreaterThan(100);
        }
        assertThat(new String(download(browser.base() + "/reports/file?year=2005&half=1&format=pdf").body(), 0, 5,
                java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        browser.open("/reports?year=2005&half=1&lang=en");
        assertThat(browser.find(By.id("report-title")).getText()).isEqualTo("Report of the People's Committee of the"
                + " commune on citizen reception, petitions and one-stop dossiers, 6 months of 2005");
        browser.screenshot("report-en");
        browser.open("/reports?lang=vi");
    }

    @Test
    void a_report_whose_figures_do_not_add_up_shows_the_failed_check_and_no_download() throws Exception {
        // A closure the counts hold without the deadline it closed against: closed, but neither early,
        // on time nor late, so "closed = early + on time + late" fails for its period.
        jdbc.update("INSERT INTO count_petition (petition_id, received_on, kind, channel, field, closed_on, closed_as,"
                + " commune) VALUES (?, DATE '2006-03-02', 'FEEDBACK', 'POST', 'Môi trường', DATE '2006-03-20',"
                + " 'RESOLVED', '')",
                UUID.randomUUID().toString());
        SignInPage.open(browser).signInAs("inspector");
        browser.open("/reports?year=2006&quarter=1");
        assertThat(browser.all(By.id("report"))).isEmpty();
        assertThat(browser.find(By.id("report-refused")).getText())
                .contains("Báo cáo không được lập vì số liệu không khớp")
                .contains("Số đơn đã giải quyết = trước hạn + đúng hạn + trễ hạn: 1 ≠ 0");
        browser.screenshot("report-refused-vi");
        browser.assertAccessible();
        assertThat(download(browser.base() + "/reports/file?year=2006&quarter=1&format=pdf").statusCode())
                .isEqualTo(400);
    }
}
