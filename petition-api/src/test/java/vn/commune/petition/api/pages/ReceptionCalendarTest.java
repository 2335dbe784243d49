package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.commune.petition.api.Api;

/**
 * The reception calendar: a month as a grid, Monday first, each scheduled Thursday HELD, MISSED, a
 * HOLIDAY or UPCOMING in words, the same days as a table that reads as text, and the months before
 * and after. The statuses are the API's schedule's.
 */
class ReceptionCalendarTest extends BrowserTest {

    /** The scheduled days' table, row by row: date, weekday, status. */
    private List<String> scheduledDays() {
        return browser.all(By.cssSelector("#scheduled-days tbody tr")).stream().map(WebElement::getText).toList();
    }

    private String monthTitle() {
        return browser.find(By.id("month-title")).getText();
    }

    @Test
    void the_calendar_shows_each_thursday_held_missed_a_holiday_or_upcoming_and_moves_by_month() {
        Api.Response opened = Api.officer(port).post("/api/sessions",
                Map.of("heldOn", "2024-02-01", "kind", "PERIODIC", "host", "Nguyễn Văn Chủ", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        SignInPage.open(browser).signInAs("officer");
        browser.find(By.linkText("Lịch tiếp công dân")).click();
        browser.awaitPath("/sessions/calendar");
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(monthTitle()).isEqualTo("Tháng " + thisMonth.getMonthValue() + " năm " + thisMonth.getYear());
        assertThat(browser.all(By.cssSelector(".calendar td[aria-current=date]"))).as("today is marked").hasSize(1);

        browser.open("/sessions/calendar?month=2024-02");
        assertThat(monthTitle()).isEqualTo("Tháng 2 năm 2024");
        assertThat(scheduledDays()).containsExactly(
                "01/02/2024 Thứ Năm Đã tiếp\nTiếp định kỳ — Nguyễn Văn Chủ",
                "08/02/2024 Thứ Năm Ngày nghỉ —",
                "15/02/2024 Thứ Năm Không tổ chức —",
                "22/02/2024 Thứ Năm Không tổ chức —",
                "29/02/2024 Thứ Năm Không tổ chức —");
        assertThat(browser.find(By.id("month-rule")).getText()).as("the weekly rule of 2024: 4 working Thursdays")
                .startsWith("Chủ tịch tiếp công dân định kỳ mỗi tuần").endsWith("Chưa đạt (1/4 ngày)");
        List<WebElement> weeks = browser.all(By.cssSelector(".calendar tbody tr"));
        assertThat(weeks).as("29/01 to 03/03, Monday to Sunday").hasSize(5);
        assertThat(weeks.get(0).findElements(By.tagName("td")).get(3).getText()).isEqualTo("1\nĐã tiếp\nTiếp định kỳ");
        assertThat(weeks.get(1).findElements(By.tagName("td")).get(3).getText()).isEqualTo("8\nNgày nghỉ");
        assertThat(weeks.get(0).findElements(By.tagName("td")).get(0).getText()).as("January is not February's").isEmpty();
        assertThat(browser.all(By.cssSelector(".calendar thead abbr")).get(0).getAttribute("title")).isEqualTo("Thứ Hai");
        browser.screenshot("calendar-vi");
        browser.assertAccessible();

        browser.find(By.cssSelector(".month-nav a[rel=next]")).click();
        browser.awaitPath("/sessions/calendar?month=2024-03");
        assertThat(monthTitle()).isEqualTo("Tháng 3 năm 2024");
        browser.find(By.cssSelector(".month-nav a[rel=prev]")).click();
        browser.awaitPath("/sessions/calendar?month=2024-02");
        browser.find(By.linkText("Tiếp định kỳ — Nguyễn Văn Chủ")).click();
        browser.awaitPath("/sessions/" + opened.text("id"));

        YearMonth next = thisMonth.plusMonths(1);
        browser.open("/sessions/calendar?month=" + next);
        assertThat(scheduledDays()).isNotEmpty().allSatisfy(day -> assertThat(day).matches(".*(Sắp tới|Ngày nghỉ).*"));
        assertThat(scheduledDays()).anyMatch(day -> day.contains("Sắp tới"));
        assertThat(browser.find(By.id("month-rule")).getText()).as("Luật 136/2025/QH15: 2 days a month, pending")
                .contains("ít nhất 2 ngày mỗi tháng").endsWith("Tháng chưa kết thúc (0/2 ngày)");
        browser.find(By.linkText("Về tháng này")).click();
        browser.awaitPath("/sessions/calendar");
        assertThat(monthTitle()).isEqualTo("Tháng " + thisMonth.getMonthValue() + " năm " + thisMonth.getYear());

        browser.open("/sessions/calendar?month=2024-02&lang=en");
        assertThat(monthTitle()).isEqualTo("February 2024");
        assertThat(scheduledDays()).startsWith("01/02/2024 Thursday Held\nPeriodic reception by the chair — Nguyễn Văn Chủ",
                "08/02/2024 Thursday Holiday —");
        browser.screenshot("calendar-en");
        browser.assertAccessible();
        browser.resize(Browser.TABLET);
        browser.open("/sessions/calendar?month=2024-02&lang=vi");
        browser.screenshot("calendar-tablet-vi");
        browser.assertAccessible();
    }

    @Test
    void a_month_that_is_not_one_is_a_page_saying_the_request_is_wrong() {
        SignInPage.open(browser).signInAs("inspector");
        browser.open("/sessions/calendar?month=2024-13");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Yêu cầu không hợp lệ");
        browser.open("/sessions/calendar?month=1999-12");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Yêu cầu không hợp lệ");
        browser.open("/sessions/calendar?month=2024-02");
        assertThat(monthTitle()).as("an inspector reads the calendar").isEqualTo("Tháng 2 năm 2024");
    }
}
