package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.commune.petition.api.Api;

/**
 * The first pages in a real browser, as the people at the desk use them: signing in (in
 * Vietnamese), the officer's day, the chair's queue, the inspector who may only read, the admin
 * who sees no petition data, the language switch, signing out. Every page passes axe-core, and is
 * photographed in both languages under target/screenshots.
 */
class SignInAndHomeJourneyTest extends BrowserTest {

    private String receive(String user, LocalDate on, String kind, String name) {
        Map<String, Object> body = Api.petition(on.toString(), kind, "Đất đai");
        body.put("petitioners", List.of(Map.of("fullName", name, "address", "Khu 2")));
        Api.Response received = Api.as(port, user).post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private String reference(String id) {
        return Api.officer(port).get("/api/petitions/" + id).text("reference");
    }

    @Test
    void the_officer_signs_in_in_vietnamese_sees_the_day_switches_to_english_and_back_and_signs_out() {
        String overdue = receive("officer", today.minusDays(120), "RECOMMENDATION", "Nguyễn Văn An");

        browser.open("/");
        browser.awaitPath("/login");
        SignInPage signIn = new SignInPage(browser);
        assertThat(signIn.heading()).isEqualTo("Đăng nhập");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        browser.screenshot("signin-vi");
        browser.assertAccessible();

        HomePage home = signIn.signInAs("officer");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(home.heading()).isEqualTo("Công việc hôm nay");
        assertThat(home.who()).contains("officer").contains("Cán bộ tiếp công dân");
        assertThat(home.referencesIn("overdue")).contains(reference(overdue));
        assertThat(home.sectionText("todays-session")).contains("Buổi tiếp công dân hôm nay");
        assertThat(home.sectionText("due-this-week")).contains("Đến hạn trong tuần này");
        browser.screenshot("home-officer-vi");
        browser.assertAccessible();

        home.switchTo("en");
        assertThat(home.heading()).isEqualTo("Today's work");
        assertThat(home.language()).isEqualTo("en");
        browser.screenshot("home-officer-en");
        browser.open("/petitions/" + overdue);
        assertThat(browser.find(By.tagName("h1")).getText()).as("English is remembered on the next page")
                .isEqualTo("Petition " + reference(overdue));
        assertThat(browser.text()).contains("Recommendation").contains("Nguyễn Văn An");
        browser.screenshot("petition-en");
        browser.assertAccessible();
        browser.open("/");
        home.switchTo("vi");
        assertThat(home.heading()).isEqualTo("Công việc hôm nay");
        browser.open("/petitions/" + overdue);
        assertThat(browser.text()).contains("Kiến nghị").contains("Các bước xử lý").contains("Tiếp nhận đơn");
        browser.screenshot("petition-vi");

        SignInPage signedOut = home.signOut();
        assertThat(browser.path()).isEqualTo("/login?signedOut");
        assertThat(signedOut.status()).isEqualTo("Bạn đã đăng xuất.");
        browser.open("/");
        browser.awaitPath("/login");
        assertThat(signedOut.heading()).as("signed out: the pages ask to sign in again").isEqualTo("Đăng nhập");
    }

    @Test
    void a_wrong_password_is_refused_saying_neither_which_nor_why() {
        SignInPage signIn = SignInPage.open(browser);
        signIn.signInAs("officer", "not-the-password");
        browser.awaitPath("/login?error");
        assertThat(signIn.alert()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        browser.screenshot("signin-wrong-password-vi");
        browser.assertAccessible();

        signIn.signInAs("nobody-of-that-name", "officer");
        browser.awaitPath("/login?error");
        assertThat(signIn.alert()).as("an unknown name reads the same").isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void the_chair_sees_what_awaits_a_decision_an_answer_and_an_extension() {
        String received = receive("officer", today, "COMPLAINT", "Trần Thị Bình");
        String accepted = receive("officer", today.minusDays(3), "DENUNCIATION", "Hoàng Văn Cường");
        Api.Response acceptance = Api.chair(port).post("/api/petitions/" + accepted + "/acceptance",
                Map.of("acceptedOn", today.minusDays(2).toString(), "complex", true));
        assertThat(acceptance.status()).as(acceptance.toString()).isEqualTo(200);

        HomePage home = SignInPage.open(browser).signInAs("chair");
        assertThat(home.heading()).isEqualTo("Việc chờ Chủ tịch");
        assertThat(home.who()).contains("Chủ tịch UBND");
        assertThat(home.referencesIn("awaiting-decision")).contains(reference(received))
                .doesNotContain(reference(accepted));
        assertThat(home.referencesIn("awaiting-outcome")).contains(reference(accepted));
        assertThat(home.sectionText("awaiting-outcome")).contains("Trả lời bằng văn bản").contains("Còn 1 lần");
        assertThat(home.sectionText("extendable")).contains(reference(accepted));
        browser.screenshot("home-chair-vi");
        browser.assertAccessible();
        browser.resize(Browser.TABLET);
        browser.screenshot("home-chair-tablet-vi");
        browser.assertAccessible();
        home.switchTo("en");
        assertThat(home.heading()).isEqualTo("The chair's queue");
        browser.screenshot("home-chair-tablet-en");
    }

    @Test
    void an_inspector_sees_no_action_and_no_denunciator_on_any_page_it_can_open() {
        String name = "Lê Thị Kín Danh";
        String denunciation = receive("officer", today, "DENUNCIATION", name); // today: the newest, so the home page lists it

        HomePage officers = SignInPage.open(browser).signInAs("officer");
        browser.open("/petitions/" + denunciation);
        assertThat(browser.html()).as("the officer handles the case and sees the denunciator").contains(name);
        officers.signOut();

        HomePage home = SignInPage.open(browser).signInAs("inspector");
        assertThat(home.heading()).isEqualTo("Thanh tra, kiểm tra");
        assertThat(home.actions()).as("an inspector is offered no action").isEmpty();
        assertThat(home.referencesIn("recent")).contains(reference(denunciation));
        browser.screenshot("home-inspector-vi");
        browser.assertAccessible();

        Set<String> visited = crawl();
        assertThat(visited).as("the crawl reached the denunciation's page").contains("/petitions/" + denunciation);
        browser.open("/petitions/" + denunciation);
        assertThat(browser.html()).doesNotContain(name);
        assertThat(browser.text()).contains("Người tố cáo 1 (bảo mật)");
        assertThat(browser.all(By.cssSelector("main form, main button"))).isEmpty();
        browser.screenshot("petition-inspector-vi");
    }

    /** Every page of the service the signed-in reader can reach by following links, none showing the denunciator. */
    private Set<String> crawl() {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/"));
        while (!toVisit.isEmpty() && visited.size() < 200) {
            String path = toVisit.poll();
            if (!visited.add(path)) {
                continue;
            }
            browser.open(path);
            assertThat(browser.html()).as("page %s", path).doesNotContain("Kín Danh");
            for (WebElement link : browser.all(By.cssSelector("a[href]"))) {
                String href = link.getAttribute("href");
                // The reception calendar's months lead on without end, and show no petitioner: not followed.
                if (href.startsWith(browser.base()) && !href.contains("lang=") && !href.contains("#")
                        && !href.contains("month=")) {
                    toVisit.add(href.substring(browser.base().length()));
                }
            }
        }
        return visited;
    }

    @Test
    void the_admin_operates_the_service_and_sees_no_petition() {
        String petition = receive("officer", today.minusDays(1), "FEEDBACK", "Đỗ Văn Em");
        HomePage home = SignInPage.open(browser).signInAs("admin");
        assertThat(home.heading()).isEqualTo("Vận hành hệ thống");
        assertThat(browser.all(By.cssSelector("main table"))).isEmpty();
        assertThat(browser.text()).contains("UP");
        browser.screenshot("home-admin-vi");
        browser.assertAccessible();

        browser.open("/petitions/" + petition);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(browser.html()).doesNotContain("Đỗ Văn Em");
        browser.screenshot("forbidden-vi");
        browser.assertAccessible();
    }

    @Test
    void a_petition_that_does_not_exist_is_a_page_saying_so() {
        SignInPage.open(browser).signInAs("officer");
        browser.open("/petitions/00000000-0000-0000-0000-000000000000");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
        browser.screenshot("not-found-vi");
        browser.assertAccessible();
    }
}
