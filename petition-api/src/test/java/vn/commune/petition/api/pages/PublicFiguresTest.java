package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.journey.TownFirstHalf2024;

/**
 * The figures the commune publishes, with no sign-in: the town's first half of 2024 replayed gives
 * 11 received, 9 resolved and 2 escalated on the public page, in the JSON and in the CSV, and no
 * name, address or internal id anywhere in them. Its own database, holding only that half-year.
 */
@PetitionServiceTest
@TestPropertySource(properties = "petition.test.context=public-figures")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicFiguresTest {

    private static final String HALF = "/api/public/figures?from=2024-01-01&to=2024-06-30";

    /** A UUID, the form of every internal id (petitions, sessions, events). */
    private static final Pattern INTERNAL_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private List<String> ids = List.of();

    @BeforeAll
    void replayTheTownsHalfYear() {
        ids = TownFirstHalf2024.replay(port);
        // The counts follow the writes: every event counted before the figures are read.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode projection : Api.as(port, "admin").get("/api/admin/projections").json()) {
                if (projection.path("name").asText().equals("counts")) {
                    return projection.path("position").asLong(-1) >= projection.path("head").asLong();
                }
            }
            return false;
        });
    }

    @BeforeEach
    void at() {
        browser.at(port);
    }

    /** Nothing personal and no internal id: no petitioner's name or address, no petition's id. */
    private void assertNoPerson(String published) {
        assertThat(published).doesNotContain(TownFirstHalf2024.NAMES.toArray(String[]::new))
                .doesNotContain("Khu 1", "Khu 2", "Khu 3").doesNotContain(ids.toArray(String[]::new))
                .doesNotContain("2024-0001");
        assertThat(INTERNAL_ID.matcher(published).find()).as("an internal id in " + published).isFalse();
    }

    @Test
    void the_open_data_gives_the_half_year_in_json_without_a_sign_in_and_is_cached_by_anyone() {
        RawHttp.Response json = RawHttp.request("GET", HALF).send(port);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode figures = json.json();
        assertThat(figures.path("petitions").path("received").asLong()).isEqualTo(11);
        assertThat(figures.path("petitions").path("resolved").asLong()).isEqualTo(9);
        assertThat(figures.path("petitions").path("escalated").asLong()).isEqualTo(2);
        assertThat(figures.path("from").asText()).isEqualTo("2024-01-01");
        assertThat(figures.path("months")).hasSize(6);
        long byKind = 0;
        for (JsonNode kind : figures.path("byKind")) {
            byKind += kind.asLong();
        }
        assertThat(byKind).isEqualTo(11);
        assertThat(figures.path("reception").path("sessionsHeld").asLong()
                + figures.path("reception").path("sessionsMissed").asLong()
                + figures.path("reception").path("holidays").asLong())
                .as("every Thursday of the half-year: held, missed or a holiday").isEqualTo(26);
        assertNoPerson(json.body());

        assertThat(json.header("Cache-Control")).contains("public").contains("max-age=300");
        String etag = json.header("ETag");
        assertThat(etag).isNotBlank();
        RawHttp.Response again = RawHttp.request("GET", HALF).header("If-None-Match", etag).send(port);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void the_csv_has_one_number_a_row_under_a_fixed_header() {
        for (RawHttp.Response csv : List.of(
                RawHttp.request("GET", HALF).header("Accept", "text/csv").send(port),
                RawHttp.request("GET", HALF + "&format=csv").send(port))) {
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<String> lines = new ArrayList<>(List.of(csv.body().replace("\uFEFF", "").split("\r\n")));
            assertThat(lines.get(0)).isEqualTo("\"from\",\"to\",\"section\",\"key\",\"metric\",\"value\"");
            assertThat(lines).contains(
                    "\"2024-01-01\",\"2024-06-30\",\"petitions\",\"\",\"received\",11",
                    "\"2024-01-01\",\"2024-06-30\",\"petitions\",\"\",\"resolved\",9",
                    "\"2024-01-01\",\"2024-06-30\",\"petitions\",\"\",\"escalated\",2",
                    "\"2024-01-01\",\"2024-06-30\",\"month\",\"2024-01\",\"received\",2");
            assertNoPerson(csv.body());
        }
    }

    @Test
    void a_wrong_period_is_refused_with_every_field_named() {
        RawHttp.Response missing = RawHttp.request("GET", "/api/public/figures").send(port);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"from\"").contains("\"to\"");
        RawHttp.Response reversed = RawHttp.request("GET", "/api/public/figures?from=2024-06-30&to=2024-01-01").send(port);
        assertThat(reversed.status()).isEqualTo(400);
        RawHttp.Response tooLong = RawHttp.request("GET", "/api/public/figures?from=2000-01-01&to=2024-01-01").send(port);
        assertThat(tooLong.status()).isEqualTo(400);
        RawHttp.Response notADate = RawHttp.request("GET", "/api/public/figures?from=yesterday&to=2024-01-01").send(port);
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(RawHttp.request("POST", "/api/public/figures").send(port).status()).isIn(401, 403);
    }

    @Test
    void anyone_reads_the_half_year_on_the_public_page_in_both_languages() {
        browser.open("/public/figures?year=2024&half=1");
        assertThat(browser.path()).startsWith("/public/figures");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Công khai số liệu tiếp công dân, xử lý đơn");
        assertThat(browser.find(By.id("public-figures-title")).getText()).isEqualTo("6 tháng đầu năm 2024");
        assertThat(browser.find(By.id("public-received")).getText()).isEqualTo("11");
        assertThat(browser.find(By.id("public-resolved")).getText()).isEqualTo("9");
        assertThat(browser.find(By.id("public-escalated")).getText()).isEqualTo("2");
        assertThat(browser.all(By.cssSelector("#public-months tbody tr"))).hasSize(6);
        assertThat(browser.all(By.cssSelector("form[method=post]"))).as("nothing to sign out of").isEmpty();
        assertNoPerson(browser.html());
        browser.screenshot("public-figures-vi");
        browser.assertAccessible();
        browser.resize(new Dimension(390, 844));
        assertThat(((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth;")).intValue())
                .as("nothing wider than a phone: %s", ((JavascriptExecutor) browser.driver()).executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392)"
                        + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');"))
                .isLessThanOrEqualTo(390);
        browser.screenshot("public-figures-phone-vi");
        browser.resize(Browser.DESK);

        browser.open("/public/figures?year=2024&half=1&lang=en");
        assertThat(browser.find(By.id("public-figures-title")).getText()).isEqualTo("6 months of 2024");
        assertThat(browser.text()).contains("Published figures");
        browser.screenshot("public-figures-en");
        browser.assertAccessible();
        browser.open("/public/figures?lang=vi");

        RawHttp.Response page = RawHttp.request("GET", "/public/figures?year=2024&half=1").send(port);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("public");
        assertThat(page.header("Set-Cookie")).as("no session for a reader of public figures").isNull();
        RawHttp.Response wrong = RawHttp.request("GET", "/public/figures?year=1990").send(port);
        assertThat(wrong.status()).as("the pages' answer to a form filled wrong").isEqualTo(422);
    }
}
