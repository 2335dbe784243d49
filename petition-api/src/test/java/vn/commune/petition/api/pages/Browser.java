package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

/**
 * A real headless Chromium for page tests, Debian's {@code chromium} and {@code chromedriver},
 * started once per test class ({@code @RegisterExtension static final Browser browser = new Browser()})
 * and signed out (cookies cleared) after each test. Without Chromium the class is skipped with a
 * message saying how to install it, except under CI ({@code CI=true}), where that fails instead:
 * the browser tests must run there. Selenium is pointed at the binaries, so Selenium Manager never
 * tries to download a browser (there is no network).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("petition.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("petition.test.chromedriver", "/usr/bin/chromedriver"));

    /** Where screenshots go: petition-api/target/screenshots (tests run in the module's directory). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** A laptop at the reception desk. */
    static final Dimension DESK = new Dimension(1366, 768);
    /** A 10-inch tablet held upright. */
    static final Dimension TABLET = new Dimension(800, 1280);

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private ChromeDriver driver;
    private Path profile;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "The page tests need Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (under CI=true the browser tests must run)");
            }
            // Surefire does not show why a whole class was skipped: the log does.
            LoggerFactory.getLogger(Browser.class).warn("Skipped {}: {}", context.getDisplayName(), message);
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("petition-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                // A browser set up in Vietnamese, as at the commune (its date pickers read dd/mm/yyyy).
                "--lang=vi-VN", "--window-size=" + DESK.width + "," + DESK.height);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null && base != null) {
            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(DESK);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** The service under test, at {@code http://localhost:port}. */
    public Browser at(int port) {
        this.base = "http://localhost:" + port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the service (and, the first time, its origin, so cookies can be cleared). */
    public void open(String path) {
        driver.get(base + path);
    }

    public String base() {
        return base;
    }

    /** The path and query of the page shown. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The text a person reads on the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's HTML, as the browser holds it now. */
    public String html() {
        return driver.getPageSource();
    }

    /**
     * Waits (up to 10 s) until the page is at {@code path}, with any query after it: "/" is the home
     * page only, not every path (a sign-in still under way left a test on the sign-in form).
     */
    public void awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            String current = path();
            return current.equals(path) || current.startsWith(path + "?");
        });
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Saves the whole page, as wide as the window and as long as the page (not only what fits on the
     * screen), as target/screenshots/{name}.png, to look at.
     */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Runs axe-core on the page against WCAG 2.1 A and AA and fails on any serious or critical
     * violation, naming the rule and the elements.
     */
    public void assertAccessible() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran: %s", results.getErrorMessage()).isFalse();
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s", path()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }
}
