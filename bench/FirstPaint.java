import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The register's first paint in headless Chromium, as the browser itself measures it: a chair
 * signs in through the form, then opens the register (/petitions) again and again; each time the
 * page's own Paint Timing ("first-contentful-paint", from the start of the navigation) and
 * Navigation Timing (responseEnd: the HTML received) are read. Prints a Markdown section.
 * Usage: java -cp <selenium> bench/FirstPaint.java http://127.0.0.1:18080
 */
public class FirstPaint {

    static final int WARM_UP = 10;
    static final int MEASURED = 50;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path profile = Files.createTempDirectory("bench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=vi-VN", "--window-size=1366,768");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.get(base + "/login");
            driver.findElement(By.name("username")).sendKeys("chair");
            driver.findElement(By.name("password")).sendKeys("chair");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().equals(base + "/"));
            List<Double> paints = new ArrayList<>();
            List<Double> html = new ArrayList<>();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                driver.get(base + "/petitions?page=" + (1 + i % 40));
                Object[] timing = timing(driver);
                if (i >= WARM_UP) {
                    paints.add((Double) timing[0]);
                    html.add((Double) timing[1]);
                }
            }
            Collections.sort(paints);
            Collections.sort(html);
            System.out.println("## Pages: the register's first paint in headless Chromium");
            System.out.println();
            System.out.println("A chair signed in through the form opens the register " + MEASURED + " times (pages 1 to 40"
                    + " in turn, after " + WARM_UP + " to warm up), in Debian's Chromium, headless, at 1366×768;"
                    + " the browser's own Paint Timing gives the first contentful paint from the start of the"
                    + " navigation, and its Navigation Timing when the last byte of the HTML arrived"
                    + " (`bench/FirstPaint.java`; `bench/run.sh` installs Chromium when it is missing).");
            System.out.println();
            System.out.println("| measure | p50 ms | p90 ms | max ms | target |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.println(row("first contentful paint", paints, "300 ms"));
            System.out.println(row("HTML received (responseEnd)", html, ""));
            System.out.println();
        } finally {
            driver.quit();
        }
    }

    /** The first contentful paint and the HTML's responseEnd of the page now shown, in ms from its navigation. */
    static Object[] timing(ChromeDriver driver) throws InterruptedException {
        JavascriptExecutor js = driver;
        for (int tries = 0; tries < 100; tries++) {
            Object paint = js.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                    + " return p ? p.startTime : null;");
            if (paint != null) {
                Object end = js.executeScript("return performance.getEntriesByType('navigation')[0].responseEnd;");
                return new Object[] {((Number) paint).doubleValue(), ((Number) end).doubleValue()};
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("No first-contentful-paint entry on " + driver.getCurrentUrl());
    }

    static String row(String what, List<Double> sorted, String target) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |", what, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1), target);
    }
}
