package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;

/**
 * Requests malformed below the level of their JSON: header values beyond ASCII, paths the firewall
 * refuses, what Tomcat refuses itself, the error page asked for directly. Every one is a 4xx in
 * Problem Details, writes nothing and leaves nothing of itself in the log. Uses the year 2019.
 */
@PetitionServiceTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    /** What each malformed value carries, to look for in the answers and the log. */
    private static final String MARK = "Bi-Mat-Nguyen";

    private static final String PETITION = """
            {"receivedOn":"2019-05-06","channel":"POST","kind":"FEEDBACK","field":"Giao thông",
             "summary":"Phản ánh đường hỏng","petitioners":[]}""";

    @LocalServerPort
    int port;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(MARK);
    }

    private long petitionsOf2019() {
        return Api.as(port, "inspector").get("/api/petitions?from=2019-01-01&to=2019-12-31").json().path("total")
                .asLong();
    }

    private RawHttp officerPosts(String path) {
        return RawHttp.request("POST", path).basic("officer", "officer").json(PETITION);
    }

    @Test
    void an_idempotency_key_beyond_ascii_is_400_naming_the_header_and_writes_nothing(CapturedOutput log) {
        long before = petitionsOf2019();
        // Latin-1 only; with a combining accent (its second byte is a C1 control); Vietnamese.
        for (String key : List.of("khóa-" + MARK, "kho\u0301a-" + MARK, "khoá-bí-mật-" + MARK + "-ệ")) {
            RawHttp.Response response = officerPosts("/api/petitions").header("Idempotency-Key", utf8(key)).send(port);
            problem(response, 400);
            assertThat(response.json().path("errors").findValuesAsText("field")).as(key)
                    .containsExactly("Idempotency-Key");
        }
        assertThat(petitionsOf2019()).isEqualTo(before);
        assertThat(log.getAll()).doesNotContain(MARK).doesNotContain("Unexpected");
    }

    @Test
    void bad_values_of_every_header_the_service_reads_are_4xx_never_500(CapturedOutput log) {
        String step = "/api/petitions/00000000-0000-0000-0000-000000000000/mediations";
        String mediation = "{\"heldOn\":\"2019-05-07\",\"outcome\":\"SUCCEEDED\"}";
        byte[] beyondAscii = utf8("ệ-" + MARK);
        List<RawHttp> requests = List.of(
                RawHttp.request("POST", step).basic("officer", "officer").json(mediation)
                        .header("If-Match", utf8("\"ệ" + MARK + "\"")),
                RawHttp.request("POST", step).basic("officer", "officer").json(mediation)
                        .header("If-Match", ",,W/,\"" + MARK),
                RawHttp.request("POST", step).basic("officer", "officer").json(mediation)
                        .header("If-Match", "\"99999999999999999999999\""),
                RawHttp.request("GET", "/api/petitions").basic("officer", "officer")
                        .header("Accept-Language", beyondAscii),
                RawHttp.request("POST", "/api/petitions").basic("officer", "officer").json("{}")
                        .header("Accept-Language", ";;q=x,*-*-*" + MARK),
                RawHttp.request("POST", "/api/petitions").basic("officer", "officer").json("{}")
                        .header("Accept-Language", beyondAscii),
                RawHttp.request("GET", "/api/petitions").header("Authorization", utf8("Basic ệ" + MARK)),
                RawHttp.request("GET", "/api/petitions").header("Authorization", "Basic !!" + MARK),
                RawHttp.request("GET", "/api/petitions").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(new byte[] {'o', (byte) 0xFF, (byte) 0xFE, ':', 'x'})),
                RawHttp.request("GET", "/api/petitions").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(utf8(MARK))),
                RawHttp.request("GET", "/api/petitions").header("Authorization", "Bearer " + MARK),
                RawHttp.request("POST", "/api/petitions").basic("officer", "officer")
                        .header("Content-Type", ";;;" + MARK),
                RawHttp.request("POST", "/api/petitions").basic("officer", "officer")
                        .header("Content-Type", utf8("application/json; charset=ệ" + MARK)),
                RawHttp.request("POST", "/api/petitions").basic("officer", "officer")
                        .header("Content-Type", "application/json; charset=" + MARK),
                RawHttp.request("GET", "/api/petitions").basic("officer", "officer").header("Accept", beyondAscii),
                RawHttp.request("GET", "/api/petitions").basic("officer", "officer").header("User-Agent", beyondAscii),
                RawHttp.request("GET", "/api/petitions").basic("officer", "officer").header(MARK + "-ệ", "x"));
        long before = petitionsOf2019();
        for (RawHttp request : requests) {
            RawHttp.Response response = request.send(port);
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            problem(response, response.status());
        }
        for (String accept : List.of(";;;/" + MARK, "application/json;q=" + MARK)) {
            // An Accept header that cannot be parsed leaves no type to answer in: 406, without a body.
            assertThat(RawHttp.request("GET", "/api/petitions").basic("officer", "officer").header("Accept", accept)
                    .send(port).status()).isEqualTo(406);
        }
        assertThat(petitionsOf2019()).isEqualTo(before);
        assertThat(log.getAll()).doesNotContain(MARK).doesNotContain("Unexpected");
    }

    @Test
    void the_error_page_asked_for_directly_is_not_there_for_anyone() {
        problem(RawHttp.request("GET", "/error").send(port), 404);
        problem(RawHttp.request("POST", "/error").json("{}").send(port), 404);
        problem(RawHttp.request("GET", "/error").basic("admin", "admin").send(port), 404);
        problem(RawHttp.request("GET", "/error").basic("officer", "officer").header("Accept", "text/html").send(port),
                404);
    }

    @Test
    void paths_and_methods_the_firewall_refuses_are_400_and_write_nothing(CapturedOutput log) {
        long before = petitionsOf2019();
        for (String path : List.of("/api//petitions", "/api/petitions;" + MARK, "/api/./petitions",
                "/api/x/../petitions", "/api/%2e%2e/petitions", "/api/petitions%25", "/api/petitions%3B" + MARK)) {
            problem(officerPosts(path).send(port), 400);
        }
        problem(RawHttp.request("PROPFIND", "/api/petitions").basic("officer", "officer").send(port), 400);
        problem(RawHttp.request("TRACE", "/api/petitions").send(port), 400);
        // A parameter's name is checked only when Spring MVC reads it: U+0085, a control character.
        problem(RawHttp.request("GET", "/api/petitions?%C2%85" + MARK + "=1").basic("officer", "officer").send(port),
                400);
        assertThat(petitionsOf2019()).isEqualTo(before);
        assertThat(log.getAll()).doesNotContain(MARK);
    }

    @Test
    void what_tomcat_refuses_itself_is_problem_details_too() {
        long before = petitionsOf2019();
        problem(officerPosts("/api/petitions").header("X-Padding", "x".repeat(20_000)).send(port), 400);
        problem(officerPosts("/api/petitions%2f" + MARK).send(port), 400);
        problem(officerPosts("/api/petitions%00").send(port), 400);
        problem(officerPosts("/api/petitions\\" + MARK).send(port), 400);
        problem(officerPosts("/api/petitions?q=" + MARK + "|x").send(port), 400);
        problem(officerPosts("/api/petitions").header("X-Control", new byte[] {'a', 1, 'b'}).send(port), 400);
        problem(RawHttp.request("GET", "/api/petitions HTTP/9.9\r\nX-Line:").send(port), 505);
        problem(RawHttp.request("GET", "/api/petitions").header("Transfer-Encoding", "gzip").send(port), 501);
        assertThat(petitionsOf2019()).isEqualTo(before);
    }

    @Test
    void what_tomcat_refuses_is_not_logged_even_at_info(CapturedOutput log) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        LogLevel root = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getEffectiveLevel();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        try {
            problem(RawHttp.request("GET", "/api/petitions?name=" + MARK + "|target").send(port), 400);
            RawHttp.request("GET", "/api/petitions?name=%ZZ" + MARK).basic("officer", "officer").send(port);
            RawHttp.request("GET", "/api/petitions").basic("officer", "officer")
                    .header("Cookie", "name=" + MARK + "\"cookie\"; x").send(port);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, root);
        }
        assertThat(log.getAll()).doesNotContain(MARK);
    }
}
