package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.commune.petition.api.Api;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * The register: a search by words, filters, the due date coloured and sorted both ways, pages, and
 * the selection downloaded as CSV and XLSX, read back cell by cell. Every petition here carries a
 * word made up for this run, so that the register shows only them once it is searched.
 */
class RegisterPageTest extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String WORD = "kenh" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    private static final String FIELD = "Thủy lợi " + WORD;
    private static final List<String> KINDS = List.of("COMPLAINT", "RECOMMENDATION", "FEEDBACK");

    /** The petitions made for this run (once for the class), and the one due within 3 working days. */
    private static final List<String> REFERENCES = new ArrayList<>();
    private static String dueSoon;

    @Autowired
    DeadlinePolicies policies;

    @BeforeEach
    void aRegister() {
        if (!REFERENCES.isEmpty()) {
            return;
        }
        for (int i = 0; i < 27; i++) {
            Api.Response received = receiveAs(today.minusDays(3L * i + 20), KINDS.get(i % 3));
            REFERENCES.add(received.text("reference"));
            if (i < 3) {
                // Accepted today: their resolution deadline is weeks away, neither late nor soon.
                Api.Response accepted = Api.chair(port).post("/api/petitions/" + received.text("id") + "/acceptance",
                        Map.of("acceptedOn", today.toString()));
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            }
        }
        // A feedback received on the latest day whose handling deadline is at most 3 working days away.
        LocalDate received = today;
        DeadlinePolicy deadlines = policies.of(null);
        while (deadlines.workingDaysLate(today, deadlines.handling(PetitionKind.FEEDBACK, received).dueOn()) > 3) {
            received = received.minusDays(1);
        }
        dueSoon = receive(received, "FEEDBACK");
        REFERENCES.add(dueSoon);
    }

    private Api.Response receiveAs(LocalDate on, String kind) {
        Api.Response received = Api.officer(port).post("/api/petitions", Api.petition(on.toString(), kind, FIELD));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received;
    }

    private String receive(LocalDate on, String kind) {
        return receiveAs(on, kind).text("reference");
    }

    private Set<String> overdue() {
        Set<String> overdue = new HashSet<>();
        Api.as(port, "officer").get("/api/petitions/overdue").json().path("items")
                .forEach(item -> overdue.add(item.path("reference").asText()));
        overdue.retainAll(REFERENCES);
        return overdue;
    }

    private List<LocalDate> dueDates() {
        return browser.all(By.cssSelector("#results tbody td.register__due .due")).stream()
                .map(WebElement::getText).map(text -> LocalDate.parse(text, DAY)).toList();
    }

    @Test
    void the_officer_finds_petitions_by_a_word_in_pages_and_sorted_by_due_date_both_ways() {
        SignInPage.open(browser).signInAs("officer");
        RegisterPage register = RegisterPage.open(browser);
        browser.assertAccessible();
        register.search(WORD.toUpperCase()).find();
        assertThat(browser.path()).as("the address says what was searched").contains("q=" + WORD.toUpperCase());
        assertThat(register.count()).isEqualTo("28 đơn");
        assertThat(register.references()).hasSize(25);
        assertThat(register.pageAt()).isEqualTo("Trang 1/2");
        browser.screenshot("register-vi");
        browser.assertAccessible();

        register.next();
        assertThat(register.references()).hasSize(3);
        assertThat(register.pageAt()).isEqualTo("Trang 2/2");
        assertThat(register.hasNext()).isFalse();
        register.previous();
        assertThat(register.pageAt()).isEqualTo("Trang 1/2");

        register.sortByDueDate();
        List<LocalDate> soonest = dueDates();
        assertThat(soonest).hasSize(25).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(browser.find(By.cssSelector("#results th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("ascending");
        register.sortByDueDate();
        assertThat(dueDates()).hasSize(25).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(browser.find(By.cssSelector("#results th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("descending");
        browser.assertAccessible();
    }

    @Test
    void the_due_date_is_red_when_overdue_and_amber_within_three_working_days() {
        SignInPage.open(browser).signInAs("chair");
        browser.open("/petitions?q=" + WORD + "&sort=DUE_LATEST");
        RegisterPage register = new RegisterPage(browser);
        List<String> references = register.references();
        List<String> classes = register.dueClasses();
        Set<String> overdue = overdue();
        assertThat(overdue).as("some of them are overdue").isNotEmpty();
        for (int i = 0; i < references.size(); i++) {
            assertThat(classes.get(i).contains("due--late")).as(references.get(i))
                    .isEqualTo(overdue.contains(references.get(i)));
        }
        assertThat(classes.get(references.indexOf(dueSoon))).contains("due--soon");
        assertThat(classes).as("the accepted ones, neither late nor soon").filteredOn("due"::equals).hasSize(3);
        browser.screenshot("register-due-dates-vi");

        register.onlyOverdue().find();
        assertThat(register.count()).isEqualTo(overdue.size() + " đơn");
        assertThat(overdue).containsAll(register.references());
        assertThat(register.dueClasses()).isNotEmpty().allMatch(c -> c.contains("due--late"));
        browser.assertAccessible();
    }

    @Test
    void filters_narrow_the_selection_and_the_selection_downloads_as_csv_and_xlsx() throws IOException {
        SignInPage.open(browser).signInAs("officer");
        RegisterPage register = RegisterPage.open(browser).search(WORD).pick("kind", "Khiếu nại").pick("field", FIELD).find();
        List<String> complaints = register.references();
        assertThat(complaints).hasSize(9);
        assertThat(register.count()).isEqualTo("9 đơn");

        String csv = register.download("csv");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF\"Số đơn\",\"Ngày tiếp nhận\",\"Loại đơn\"");
        assertThat(lines).hasSize(10);
        for (int i = 0; i < complaints.size(); i++) {
            assertThat(lines.get(i + 1)).startsWith("\"" + complaints.get(i) + "\",")
                    .contains("\"Khiếu nại\"").contains("\"" + FIELD + "\"").contains("\"Phạm Thị Hoa\"");
        }

        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(register.downloadBytes("xlsx")))) {
            Sheet sheet = xlsx.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Sổ theo dõi đơn");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số đơn");
            assertThat(sheet.getLastRowNum()).isEqualTo(9);
            for (int r = 1; r <= 9; r++) {
                assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo(complaints.get(r - 1));
                assertThat(sheet.getRow(r).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(sheet.getRow(r).getCell(1))).as("a date, not text").isTrue();
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("Khiếu nại");
            }
        }

        browser.open("/petitions?q=" + WORD + "&lang=en");
        assertThat(register.count()).isEqualTo("28 petitions");
        assertThat(register.download("csv").lines().findFirst().orElseThrow()).contains("\"Reference\"");
        browser.screenshot("register-en");
        browser.assertAccessible();
        browser.resize(Browser.TABLET);
        browser.screenshot("register-tablet-en");
        browser.assertAccessible();
        browser.open("/petitions?lang=vi");
    }

    @Test
    void a_period_that_ends_before_it_begins_is_shown_beside_its_field_and_lists_nothing() {
        SignInPage.open(browser).signInAs("inspector");
        browser.open("/petitions?from=2024-05-01&to=2024-01-01");
        assertThat(browser.find(By.id("register-period-error")).getText()).isEqualTo("Ngày đầu không được sau ngày cuối.");
        assertThat(browser.find(By.id("register-to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.all(By.id("results"))).isEmpty();
        browser.screenshot("register-invalid-vi");
        browser.assertAccessible();
    }
}
