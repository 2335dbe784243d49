package vn.commune.petition.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;

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

    /** A petition's steps as its history lists them, each as "type by who recorded it". */
    List<String> history(String id) {
        List<String> steps = new ArrayList<>();
        for (JsonNode event : Api.as(port, "inspector").get("/api/petitions/" + id + "/history").json().path("events")) {
            steps.add(event.path("type").asText() + " by " + event.path("recordedBy").asText());
        }
        return steps;
    }
}
