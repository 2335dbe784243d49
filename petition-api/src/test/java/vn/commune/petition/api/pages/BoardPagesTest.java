package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.api.Api;

/**
 * The People's Inspection Board in a real browser: it signs in, reads the register, a petition's
 * page and its history, the deadlines, downloads the register, and sees no one's name, address, ID
 * number or phone, of any kind of petition; no page offers it an action, and a write it sends
 * anyway is refused. Every page passes axe-core.
 */
@PageTest
class BoardPagesTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final int RUN = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    /** A word of every summary of this run, and one only in its petitioners' names. */
    private static final String WORD = "giamsat" + RUN;
    private static final String NAME_WORD = "Tênriêng" + RUN;
    private static final List<String> KINDS = List.of("COMPLAINT", "DENUNCIATION", "RECOMMENDATION", "FEEDBACK");

    /** The personal values typed in for this run, and its petitions by kind (made once for the class). */
    private static final List<String> PERSONAL = new ArrayList<>();
    private static final Map<String, String> IDS = new java.util.LinkedHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void petitionsOfEveryKind() {
        browser.at(port);
        if (!IDS.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        for (int k = 0; k < KINDS.size(); k++) {
            String kind = KINDS.get(k);
            String name = "Trương Văn " + NAME_WORD + " " + (char) ('A' + k);
            String address = "Số " + (RUN + k) + ", ngõ Sen, Khu 7";
            String idNumber = "0" + (RUN + k) + "12345";
            String phone = "098" + (RUN + k) + "1";
            PERSONAL.addAll(List.of(name, address, idNumber, phone));
            // Two received today (the newest, on the home page), two long enough ago to be overdue.
            Map<String, Object> body = Api.petition((k < 2 ? today : today.minusDays(60)).toString(), kind, "Đất đai");
            body.put("summary", "Đề nghị giám sát việc cấp phép " + WORD);
            body.put("petitioners", List.of(Map.of("fullName", name, "address", address, "idNumber", idNumber,
                    "phone", phone)));
            Api.Response received = Api.officer(port).post("/api/petitions", body);
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            IDS.put(kind, received.text("id"));
        }
        String complaint = IDS.get("COMPLAINT");
        assertThat(Api.chair(port).post("/api/petitions/" + complaint + "/acceptance",
                Map.of("acceptedOn", today.toString())).status()).isEqualTo(200);
        assertThat(Api.officer(port).post("/api/petitions/" + complaint + "/mediations",
                Map.of("heldOn", today.toString(), "outcome", "SUCCEEDED", "minutesRef", "BB-" + RUN)).status())
                .isEqualTo(200);
    }

    /** The page as the browser holds it names no petitioner of this run, and offers no write. */
    private void seesNoOneAndNoAction(String what) {
        String html = browser.html();
        for (String value : PERSONAL) {
            assertThat(html).as("%s shows %s", what, value).doesNotContain(value);
        }
        assertThat(html).as(what).doesNotContain(NAME_WORD);
        assertThat(browser.all(By.cssSelector("form[method=post]:not(.inline), [hx-post], #actions")))
                .as("%s offers no action (sign-out aside)", what).isEmpty();
    }

    @Test
    void the_board_reads_the_register_and_a_petitions_history_and_sees_no_one() throws IOException {
        HomePage officers = SignInPage.open(browser).signInAs("officer");
        RegisterPage register = RegisterPage.open(browser).search(NAME_WORD).find();
        assertThat(register.references()).as("the officer finds them by name").hasSize(4);
        officers.signOut();

        HomePage home = SignInPage.open(browser).signInAs("board");
        assertThat(home.heading()).isEqualTo("Ban Thanh tra nhân dân");
        assertThat(home.who()).contains("board").contains("Ban Thanh tra nhân dân");
        assertThat(home.actions()).as("the board is offered no action").isEmpty();
        assertThat(browser.all(By.cssSelector(".site-nav a[href*='/sessions'], .site-nav a[href*='/petitions/new']")))
                .as("no session desk, calendar or receipt").isEmpty();
        seesNoOneAndNoAction("the home page");
        browser.screenshot("home-board-vi");
        browser.assertAccessible();

        register = RegisterPage.open(browser).search(WORD).find();
        assertThat(register.count()).isEqualTo("4 đơn");
        assertThat(browser.find(By.id("register-q-hint")).getText()).contains("Không tìm được theo tên người gửi");
        seesNoOneAndNoAction("the register");
        assertThat(browser.text()).contains("Người gửi đơn 1 (bảo mật)").contains("Người tố cáo 1 (bảo mật)");
        browser.screenshot("register-board-vi");
        browser.assertAccessible();

        String csv = register.download("csv");
        assertThat(csv.lines().filter(line -> line.contains(WORD))).hasSize(4);
        assertThat(csv).contains("(bảo mật)");
        StringBuilder xlsx = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(register.downloadBytes("xlsx")))) {
            DataFormatter cells = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    xlsx.append(cells.formatCellValue(cell)).append('\n');
                }
            }
        }
        assertThat(xlsx.toString()).contains(WORD).contains("(bảo mật)");
        for (String value : PERSONAL) {
            assertThat(csv).as("the CSV").doesNotContain(value);
            assertThat(xlsx.toString()).as("the XLSX").doesNotContain(value);
        }

        register.search(NAME_WORD).find();
        assertThat(register.references()).as("the board finds no one by name").isEmpty();
        register.search("Trương Văn").find();
        assertThat(register.references()).as("nor by a common name").doesNotContainAnyElementsOf(thisRunsReferences());

        for (String kind : KINDS) {
            PetitionPage petition = PetitionPage.open(browser, IDS.get(kind));
            seesNoOneAndNoAction("the petition page of a " + kind);
            assertThat(petition.timeline()).as("its history").isNotEmpty();
        }
        PetitionPage complaint = PetitionPage.open(browser, IDS.get("COMPLAINT"));
        assertThat(complaint.timeline()).hasSize(3);
        assertThat(complaint.steps()).contains("BB-" + RUN);
        assertThat(browser.find(By.id("petitioners")).getText()).contains("Người gửi đơn 1 (bảo mật)");
        browser.screenshot("petition-board-vi");
        browser.assertAccessible();
        browser.open("/petitions/" + IDS.get("COMPLAINT") + "?lang=en");
        assertThat(new HomePage(browser).who()).contains("People's Inspection Board");
        seesNoOneAndNoAction("the petition page in English");
        browser.screenshot("petition-board-en");
        browser.assertAccessible();
        browser.open("/deadlines?lang=vi");
        seesNoOneAndNoAction("the deadlines");
        assertThat(browser.text()).contains("(bảo mật)");
        browser.screenshot("deadlines-board-vi");
        browser.assertAccessible();
    }

    private List<String> thisRunsReferences() {
        List<String> references = new ArrayList<>();
        IDS.values().forEach(id -> references.add(Api.officer(port).get("/api/petitions/" + id).text("reference")));
        return references;
    }

    @Test
    void every_page_the_board_can_reach_names_no_one_and_a_write_sent_anyway_is_refused() {
        SignInPage.open(browser).signInAs("board");
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/petitions?q=" + WORD));
        while (!toVisit.isEmpty() && visited.size() < 60) {
            String path = toVisit.poll();
            if (!visited.add(path)) {
                continue;
            }
            browser.open(path);
            assertThat(browser.find(By.tagName("h1")).getText()).as(path).isNotEqualTo("Không có quyền truy cập");
            seesNoOneAndNoAction(path);
            for (WebElement link : browser.all(By.cssSelector("a[href]"))) {
                String href = link.getAttribute("href");
                if (href.startsWith(browser.base()) && !href.contains("lang=") && !href.contains("#")
                        && !href.contains("petitions.csv") && !href.contains("petitions.xlsx")) {
                    toVisit.add(href.substring(browser.base().length()));
                }
            }
        }
        assertThat(visited).as("the crawl reached the register, the deadlines and this run's petitions")
                .contains("/petitions", "/deadlines").contains("/petitions/" + IDS.get("DENUNCIATION"));

        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        String id = IDS.get("RECOMMENDATION");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, String> writes = Map.of(
                "/petitions/" + id + "/acceptance", "acceptedOn=" + today,
                "/petitions/" + id + "/withdrawal", "withdrawnOn=" + today,
                "/petitions/" + id + "/mediations", "heldOn=" + today + "&outcome=SUCCEEDED",
                "/petitions", "receivedOn=" + today + "&channel=POST&kind=FEEDBACK&field=x&summary=x",
                "/sessions", "heldOn=" + today + "&kind=AD_HOC&host=x&hostedInPerson=true");
        browser.open("/petitions/" + id);
        for (Map.Entry<String, String> write : writes.entrySet()) {
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const header = document.querySelector('meta[name=csrf-header]').content;
                    const token = document.querySelector('meta[name=csrf-token]').content;
                    fetch(arguments[0], {method: 'POST', body: arguments[1], redirect: 'manual',
                        headers: {[header]: token, 'Content-Type': 'application/x-www-form-urlencoded'}})
                      .then(r => done(r.status), e => done('failed ' + e));
                    """, write.getKey(), write.getValue());
            assertThat(String.valueOf(status)).as("POST " + write.getKey()).isEqualTo("403");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                .as("nothing written").isEqualTo(events);
        browser.open("/sessions");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        browser.assertAccessible();
    }
}
