package vn.commune.petition.api.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of pages: the whole service (PageTest) and a real browser pointed at it before each test;
 * {@code today} is the commune's today. The test classes run one after another, each with a browser
 * of its own.
 */
@PageTest
abstract class BrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    LocalDate today;

    @BeforeEach
    void at() {
        browser.at(port);
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
