package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * Text from outside is well-formed Unicode, holds no control character but tab and line breaks,
 * and is not blank once every space is taken away; a body is valid UTF-8. Refused with 400 in
 * bodies, query parameters and headers, and nothing written: not even a reference number is taken.
 * Uses the year 2011.
 */
@PetitionServiceTest
class UntrustedTextTest {

    @LocalServerPort
    int port;

    private static final String VALID = """
            {"receivedOn":"2011-05-05","channel":"POST","kind":"FEEDBACK","field":"Môi trường",
             "summary":%s,"petitioners":[{"fullName":%s,"address":"Khu 1"}],"ward":%s}""";

    private static String receipt(String summary, String fullName, String ward) {
        return VALID.formatted(summary, fullName, ward);
    }

    private int nextReference() {
        Api.Response received = Api.officer(port).post("/api/petitions", receipt("\"Phản ánh\"", "\"Lê Văn Ba\"", "null"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return Integer.parseInt(received.text("reference").substring(5));
    }

    private static void refused(Api.Response response, String field, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("errors").toString()).as(response.toString())
                .contains("\"field\":\"" + field + "\"").contains(message);
    }

    @Test
    void a_lone_surrogate_a_control_character_or_a_blank_text_is_refused_and_takes_no_reference() {
        Api officer = Api.officer(port);
        int before = nextReference();
        refused(officer.post("/api/petitions", receipt("\"\\ud800\"", "\"Lê Văn Ba\"", "null")),
                "summary", "unpaired surrogate");
        refused(officer.post("/api/petitions", receipt("\"Phản ánh\"", "\"Lê\\u0000Văn Ba\"", "null")),
                "petitioners[0].fullName", "control character");
        refused(officer.post("/api/petitions", receipt("\"Chuông\\u0007\"", "\"Lê Văn Ba\"", "null")),
                "summary", "control character");
        refused(officer.post("/api/petitions", receipt("\"\\u00a0\\u2003\\u200b\\ufeff\"", "\"Lê Văn Ba\"", "null")),
                "summary", "must not be blank");
        refused(officer.post("/api/petitions", receipt("\"Phản ánh\"", "\"Lê Văn Ba\"", "\"\\u3000\"")),
                "ward", "must not be blank");
        assertThat(nextReference()).as("no reference was taken by a refused receipt").isEqualTo(before + 1);
    }

    @Test
    void line_breaks_tabs_and_characters_beyond_the_basic_plane_are_kept_as_sent() {
        String summary = "Dòng một\r\nDòng hai\tcó tab 𠀋 (U+2000B)";
        Api.Response received = Api.officer(port).post("/api/petitions", Map.of("receivedOn", "2011-05-06",
                "channel", "POST", "kind", "FEEDBACK", "field", "Môi trường", "summary", summary,
                "petitioners", List.of(Map.of("fullName", "Lê Văn Ba", "address", "Khu 1"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(Api.officer(port).get("/api/petitions/" + received.text("id")).text("summary")).isEqualTo(summary);
    }

    @Test
    void a_body_that_is_not_utf8_is_refused() throws IOException {
        int before = nextReference();
        for (String bytes : List.of("c0af", "e080af", "eda080", "c181", "ff")) {
            byte[] body = receipt("\"Phản ánh X\"", "\"Lê Văn Ba\"", "null").getBytes(StandardCharsets.UTF_8);
            String text = new String(body, StandardCharsets.ISO_8859_1)
                    .replace("X", new String(HexFormat.of().parseHex(bytes), StandardCharsets.ISO_8859_1));
            Raw response = raw("POST /api/petitions HTTP/1.1", List.of("Content-Type: application/json"),
                    text.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response.status()).as(bytes + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(bytes).contains("not valid UTF-8");
        }
        assertThat(nextReference()).isEqualTo(before + 1);
    }

    @Test
    void query_parameters_and_headers_are_checked_too() throws IOException {
        Api inspector = Api.as(port, "inspector");
        refused(inspector.get("/api/petitions?status=%00"), "status", "control character");
        refused(inspector.get("/api/petitions/overdue?asOf=%ED%A0%80"), "query", "not well-formed");
        refused(inspector.get("/api/petitions?kind=%C2%A0"), "kind", "must not be blank");
        Raw header = raw("GET /api/counts?from=2011-01-01&to=2011-12-31 HTTP/1.1",
                List.of("Accept-Language: vi\u0085"), null);
        assertThat(header.status()).as(header.body()).isEqualTo(400);
        assertThat(header.body()).contains("Accept-Language");
    }

    private record Raw(int status, String body) {
    }

    /** A request written byte by byte, as a client that is not Java's would send it. */
    private Raw raw(String requestLine, List<String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port)
                    .append("\r\nAuthorization: Basic ")
                    .append(Base64.getEncoder().encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8)))
                    .append("\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Raw(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }
}
