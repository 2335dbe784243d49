package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.commune.petition.api.Api;

/**
 * The deadlines page in a real browser: the open petitions past their deadline, and those due in the
 * next 5 working days, each under its kind with how many there are; a petition whose deadline is
 * further off is on neither list; an inspector reads it with denunciators masked.
 */
class DeadlinesPageTest extends BrowserTest {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private String receive(LocalDate on, String kind, String name) {
        Map<String, Object> body = Api.petition(on.toString(), kind, "Đất đai");
        body.put("petitioners", List.of(Map.of("fullName", name, "address", "Khu 3")));
        Api.Response received = Api.officer(port).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    /** The references listed under one kind in one part of the page ({@code overdue-COMPLAINT}, …). */
    private List<String> referencesUnder(String part, String kind) {
        return browser.all(By.cssSelector("#" + part + "-" + kind + " table a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void overdue_and_due_soon_are_listed_by_kind_and_a_later_deadline_on_neither() {
        // Received long ago: overdue. Received some days ago: due within the next working days or
        // overdue, as the calendar falls. Received today: its handling deadline is further off.
        String[] ids = {
            receive(today.minusDays(90), "COMPLAINT", "Lê Văn Dũng"),
            receive(today.minusDays(7), "COMPLAINT", "Phạm Thị Hoa"),
            receive(today.minusDays(6), "RECOMMENDATION", "Võ Văn Giang"),
            receive(today.minusDays(5), "FEEDBACK", "Đặng Thị Hạnh"),
            receive(today, "RECOMMENDATION", "Bùi Văn Khoa")};

        SignInPage.open(browser).signInAs("officer");
        browser.open("/deadlines");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Thời hạn xử lý, giải quyết đơn");
        String soonTitle = browser.find(By.id("dueSoon-title")).getText();
        Matcher until = Pattern.compile("Đến hạn trong 5 ngày làm việc tới \\(đến hết (\\d\\d/\\d\\d/\\d{4})\\)")
                .matcher(soonTitle);
        assertThat(until.matches()).as(soonTitle).isTrue();
        LocalDate lastDay = LocalDate.parse(until.group(1), SHOWN);
        assertThat(lastDay).isAfter(today.plusDays(4));

        int onNeither = 0;
        for (String id : ids) {
            Api.Response petition = Api.officer(port).get("/api/petitions/" + id);
            String reference = petition.text("reference");
            String kind = petition.text("kind");
            LocalDate dueOn = LocalDate.parse(petition.text("dueOn"));
            boolean overdue = dueOn.isBefore(today);
            boolean soon = !overdue && !dueOn.isAfter(lastDay);
            assertThat(referencesUnder("overdue", kind).contains(reference)).as(reference + " due " + dueOn + " overdue")
                    .isEqualTo(overdue);
            assertThat(referencesUnder("dueSoon", kind).contains(reference)).as(reference + " due " + dueOn + " soon")
                    .isEqualTo(soon);
            onNeither += overdue || soon ? 0 : 1;
        }
        assertThat(onNeither).as("the petition received today is due after the next 5 working days").isPositive();
        long overdueComplaints = 0;
        JsonNode overdueList = Api.officer(port).get("/api/petitions/overdue?size=1000").json();
        assertThat(overdueList.path("total").asLong()).isLessThan(1000);
        for (JsonNode petition : overdueList.path("items")) {
            overdueComplaints += petition.path("kind").asText().equals("COMPLAINT") ? 1 : 0;
        }
        assertThat(browser.find(By.cssSelector("#overdue-COMPLAINT h3")).getText())
                .as("the count of a kind is every overdue petition of it, as the API lists them")
                .isEqualTo("Khiếu nại: " + overdueComplaints + " đơn");
        browser.screenshot("deadlines-vi");
        browser.assertAccessible();
        browser.open("/deadlines?lang=en");
        assertThat(browser.find(By.id("overdue-title")).getText()).isEqualTo("Overdue petitions");
        browser.screenshot("deadlines-en");
        browser.open("/deadlines?lang=vi");
    }

    @Test
    void an_inspector_reads_the_deadlines_with_denunciators_masked() {
        receive(today.minusDays(80), "DENUNCIATION", "Trịnh Văn Tố");

        SignInPage.open(browser).signInAs("inspector");
        browser.open("/deadlines");
        assertThat(browser.all(By.cssSelector("#overdue-DENUNCIATION table a"))).isNotEmpty();
        assertThat(browser.text()).doesNotContain("Trịnh Văn Tố");
        assertThat(browser.all(By.cssSelector("main form, main button"))).isEmpty();
        browser.assertAccessible();
    }
}
