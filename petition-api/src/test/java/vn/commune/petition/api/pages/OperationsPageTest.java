package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The admin's operations page in a real browser: each read model against the head of the store, a
 * rebuild started from the page whose progress bar reaches the end with the counts the same before
 * and after, a verification that finds the rebuilt model matching a replay, and a poison event parked
 * in the dead-letter queue, shown and retried. Its own database, since it parks an event for good.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=operations-page")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsPageTest {

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

    /** A value the page holds now, read in one call: the run regions are swapped in at any moment. */
    private String script(String script, Object... args) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(script, args));
    }

    private String text(String selector) {
        return script("var e = document.querySelector(arguments[0]); return e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';",
                selector);
    }

    /** The dashboard's figures for this year, by id. */
    private String dashboard() {
        browser.open("/dashboard?year=" + today.getYear());
        return script("return Array.from(document.querySelectorAll('[id^=figure-]'))"
                + ".map(e => e.id + '=' + e.textContent.trim()).join(', ');");
    }

    /**
     * Clicks the projection's form that ends with {@code action}, waits (up to 60 s) for the run it
     * starts to end as the page shows it, and returns its state. The run region shown before the click
     * is marked, so that a previous run's end is not taken for this one's.
     */
    private String run(String projection, String action) {
        String region = "#run-" + projection;
        script("document.querySelector(arguments[0]).dataset.before = 'yes'; return '';", region);
        browser.find(By.cssSelector("#projection-" + projection + " form[action$='/" + action + "'] button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60), Duration.ofMillis(100)).until(d -> {
            String state = script("var e = document.querySelector(arguments[0]);"
                    + " return e && !e.dataset.before ? e.dataset.state : '';", region);
            return "DONE".equals(state) || "FAILED".equals(state);
        });
        return script("return document.querySelector(arguments[0]).dataset.state;", region);
    }

    private void receive(String kind, String field, int daysAgo) {
        Api.Response received = Api.officer(port).post("/api/petitions",
                Api.petition(today.minusDays(daysAgo).toString(), kind, field));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        if (kind.equals("COMPLAINT")) {
            Api.Response accepted = Api.chair(port).post("/api/petitions/" + received.text("id") + "/acceptance",
                    Map.of("acceptedOn", today.minusDays(daysAgo - 1).toString()));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void the_admin_rebuilds_the_counts_from_the_page_and_they_are_the_same_before_and_after() {
        receive("COMPLAINT", "Đất đai", 6);
        receive("FEEDBACK", "Giao thông", 5);
        receive("DENUNCIATION", "Xây dựng", 4);
        SignInPage.open(browser).signInAs("admin");
        String before = dashboard();
        assertThat(before).contains("figure-received=3");

        browser.open("/operations");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Vận hành các bảng đọc");
        assertThat(browser.all(By.cssSelector("article.projection")).stream().map(a -> a.getAttribute("data-projection")))
                .containsExactlyInAnyOrder("counts", "petition-view", "session-view");
        long head = jdbc.sql("SELECT max(global_index) FROM domainevententry").query(Long.class).single();
        assertThat(text("#projections > p")).contains(String.valueOf(head));
        assertThat(text("#projection-counts .behind")).isIn("không chậm sự kiện nào", "1 sự kiện", "2 sự kiện");
        assertThat(text("#projection-petition-view")).contains("Cùng giao dịch với bước xử lý");
        assertThat(text("#dead-letters")).contains("Không có sự kiện nào bị giữ lại.");
        String rows = text("#rows-counts");
        assertThat(rows).contains("count_fact").contains("count_petition");
        browser.screenshot("operations-vi");
        browser.assertAccessible();

        // The handlers' replay, the slower way, so the run is seen going as well as ending.
        new Select(browser.find(By.id("method-counts"))).selectByValue("handlers");
        assertThat(run("counts", "rebuild")).isEqualTo("DONE");
        String total = script("return document.querySelector('#progress-counts').dataset.total;");
        assertThat(Long.parseLong(total)).isPositive();
        assertThat(script("return document.querySelector('#progress-counts').dataset.done;")).isEqualTo(total);
        assertThat(script("return document.querySelector('#progress-counts').value;")).isEqualTo("100");
        assertThat(text("#run-counts")).contains("Đã xử lý " + total + "/" + total + " sự kiện")
                .contains("Phát lại qua bộ xử lý sự kiện").contains("Đã dựng lại xong lúc");
        assertThat(text("#rows-counts")).as("the rows after the rebuild").isEqualTo(rows);
        browser.screenshot("operations-rebuilt-vi");
        browser.assertAccessible();
        assertThat(dashboard()).as("the counts after the rebuild").isEqualTo(before);

        // The rebuilt counts match a fresh replay; the page says so, now and after a reload.
        browser.open("/operations");
        assertThat(run("counts", "verification")).isEqualTo("DONE");
        assertThat(script("return document.querySelector('#run-counts [data-verification]').dataset.verification;"))
                .isEqualTo("MATCH");
        browser.open("/operations?lang=en");
        assertThat(text("#projection-counts .last-verification")).startsWith("Match");
        assertThat(text("#run-counts")).contains("The read model matches a fresh replay");
        browser.screenshot("operations-verified-en");
        browser.assertAccessible();
        browser.open("/operations?lang=vi");
    }

    @Test
    @Order(2)
    void an_inspector_may_verify_but_not_rebuild_or_retry() {
        SignInPage.open(browser).signInAs("inspector");
        browser.open("/operations");
        assertThat(browser.all(By.cssSelector("form[action$='/verification']"))).hasSize(3);
        assertThat(browser.all(By.cssSelector("form[action$='/rebuild']"))).isEmpty();
        browser.assertAccessible();
    }

    /** Last: the poison event stays parked. */
    @Test
    @Order(3)
    void a_poison_event_is_shown_parked_and_retried_from_the_page() {
        String payload = """
                {"petitionId":"%s","reference":"2015-9999","receivedOn":"2015-02-02","channel":"POST","kind":null,
                 "field":"x","summary":"x","petitioners":[{"fullName":"Bí Mật","address":null,
                 "idNumber":"012345678901","phone":null}],"ward":null,"sessionId":null,
                 "handlingDueOn":"2015-02-12","deadlineRules":"VN-2019"}""";
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO domainevententry (event_identifier, meta_data, payload, payload_type, time_stamp,
                    aggregate_identifier, sequence_number, type)
                VALUES (:eventId, :meta, :payload, 'vn.commune.petition.domain.petition.PetitionReceived', :at,
                    :id, 0, 'Petition')""")
                .param("eventId", UUID.randomUUID().toString())
                .param("meta", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", payload.formatted(id).getBytes(StandardCharsets.UTF_8))
                .param("at", Instant.now().toString())
                .param("id", id)
                .update();
        SignInPage.open(browser).signInAs("admin");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(250)).until(d -> {
            browser.open("/operations");
            return !browser.all(By.id("dead-letter-list")).isEmpty();
        });
        assertThat(text("#dead-letter-list tbody")).contains("counts").contains("PetitionReceived")
                .doesNotContain("Bí Mật").doesNotContain("012345678901");
        browser.screenshot("operations-dead-letter-vi");
        browser.assertAccessible();

        browser.find(By.cssSelector("#dead-letters form button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !text("#retry-result").isEmpty());
        assertThat(text("#retry-result")).endsWith("còn 1 sự kiện bị giữ.");
        assertThat(text("#dead-letter-list tbody")).contains("PetitionReceived");
    }
}
