package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.commune.petition.api.Api;

/**
 * The dashboard in a real browser: a period's figures with a chart over each table, and figures that
 * change on the open page, without a reload, when another client records a step through the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class DashboardPageTest extends BrowserTest {

    /** A figure as the page shows it now (read in one call: the figures are swapped in at any moment). */
    private long figure(String id) {
        return Long.parseLong(text(id));
    }

    /** How many elements match, counted in one call: the figures are swapped in at any moment. */
    private long count(String selector) {
        return (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    private String text(String id) {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("var e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private void receiveToday(String kind) {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition(today.toString(), kind, "Giao thông"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
    }

    @Test
    void the_figures_change_on_the_open_page_when_another_client_records_a_step() {
        receiveToday("FEEDBACK");
        SignInPage.open(browser).signInAs("chair");
        browser.open("/dashboard");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Số liệu tiếp công dân, xử lý đơn");
        assertThat(text("figures-title")).isEqualTo("năm " + today.getYear());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return document.querySelectorAll('#figures canvas').length > 0"
                        + " && Array.from(document.querySelectorAll('#figures canvas')).every(c => c.width > 0)")));
        long received = figure("figure-received");
        assertThat(received).isPositive();
        // A mark on the page: a reload would lose it.
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true");
        // The stream is open before the step is recorded.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("var s = htmx.find('#figures');"
                        + " return !!(s && s['htmx-internal-data'] && s['htmx-internal-data'].sseEventSource"
                        + " && s['htmx-internal-data'].sseEventSource.readyState === 1)")));
        browser.screenshot("dashboard-vi");
        browser.assertAccessible();

        receiveToday("COMPLAINT");
        long answered = System.nanoTime();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(2), Duration.ofMillis(20))
                .until(d -> figure("figure-received") == received + 1);
        long took = (System.nanoTime() - answered) / 1_000_000;
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true"))
                .as("the figures changed without a reload").isEqualTo(true);
        assertThat(took).as("ms from the step's answer to the figure on the page").isLessThan(2000);
        assertThat(text("figures")).contains("Khiếu nại");
        browser.assertAccessible();
    }

    /** The open dashboards on this instance, as its metrics count them. */
    private double openStreams() {
        Api.Response scrape = Api.as(port, "admin").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        Matcher gauge = Pattern.compile("(?m)^petition_dashboard_streams(?:\\{[^}]*})? (\\S+)$").matcher(scrape.body());
        assertThat(gauge.find()).as("the gauge of open dashboards").isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    @Test
    void a_closed_dashboard_is_dropped_quietly(CapturedOutput output) {
        SignInPage.open(browser).signInAs("chair");
        browser.open("/dashboard");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> openStreams() >= 1);
        browser.open("/");
        // Each step changes the figures: the next one sent to the closed page finds nobody there.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(300)).until(d -> {
            receiveToday("FEEDBACK");
            return openStreams() == 0;
        });
        assertThat(output.getAll()).as("a reader who left is no error")
                .doesNotContain("AsyncRequestNotUsableException").doesNotContain("Servlet.service()");
    }

    @Test
    void a_period_is_chosen_as_a_month_a_quarter_a_half_or_from_to_and_a_wrong_one_is_refused() {
        SignInPage.open(browser).signInAs("inspector");
        browser.open("/dashboard?year=2024&half=1");
        assertThat(text("figures-title")).isEqualTo("6 tháng đầu năm 2024");
        assertThat(count("#figures figure.chart")).isEqualTo(5);
        assertThat(count("#figures figure.chart:first-of-type tbody tr")).as("one row a month").isEqualTo(6);
        browser.open("/dashboard?year=2024&quarter=2");
        assertThat(text("figures-title")).isEqualTo("quý II năm 2024");
        browser.open("/dashboard?year=2024&month=3");
        assertThat(text("figures-title")).isEqualTo("tháng 3 năm 2024");
        browser.open("/dashboard?from=2024-02-10&to=2024-03-05&lang=en");
        assertThat(text("figures-title")).isEqualTo("the period from 10/02/2024 to 05/03/2024");
        browser.screenshot("dashboard-en");
        browser.open("/dashboard?lang=vi&from=2024-03-05&to=2024-02-10");
        assertThat(browser.all(By.id("figures"))).isEmpty();
        assertThat(browser.find(By.cssSelector(".form-errors")).getText()).contains("Kỳ số liệu chưa đúng");
        browser.open("/dashboard?year=2024&half=1&quarter=2");
        assertThat(browser.all(By.id("figures"))).isEmpty();
        browser.assertAccessible();
        browser.open("/dashboard/stream");
        assertThat(browser.find(By.tagName("h1")).getText()).as("a stream without its period")
                .isEqualTo("Yêu cầu không hợp lệ");
    }
}
