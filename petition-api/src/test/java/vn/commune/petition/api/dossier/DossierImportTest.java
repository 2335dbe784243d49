package vn.commune.petition.api.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/**
 * The one-stop dossier import at its limits: files of the largest size, of bad lines or of more
 * dossiers than one statement can name, written in chunks, cut short and sent again, and refused
 * in every other shape with Problem Details. Codes begin with T12-; dossiers are dated 2021.
 */
@PetitionServiceTest
class DossierImportTest {

    static final String HEADER = "code,field,channel,receivedOn,dueOn,returnedOn,resubmittedOn,resolvedOn\n";
    static final int LIMIT = 8 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api.Response post(byte[] body, String contentType, boolean declareLength) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/import"))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes()))
                .timeout(Duration.ofMinutes(2))
                .POST(declareLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        try {
            return new Api.Response(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Api.Response importCsv(String csv) {
        return post(csv.getBytes(StandardCharsets.UTF_8), "text/csv", true);
    }

    private static void problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }

    private long dossiers(String codePrefix) {
        return jdbc.sql("SELECT count(*) FROM one_stop_dossier WHERE code LIKE :prefix")
                .param("prefix", codePrefix + "%").query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    /** n good lines with codes prefix-1 …, each received, every tenth returned and resubmitted, all resolved. */
    private static String good(String prefix, int n) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            csv.append(prefix).append(i).append(i % 10 == 0
                    ? ",Hộ tịch,IN_PERSON,2021-03-01,2021-03-05,2021-03-02,2021-03-03,2021-03-04\n"
                    : ",Chứng thực,ONLINE,2021-03-01,2021-03-05,,,2021-03-02\n");
        }
        return csv.toString();
    }

    @Test
    void a_file_of_the_largest_size_made_of_bad_lines_lists_the_first_hundred_and_writes_nothing() {
        ByteArrayOutputStream file = new ByteArrayOutputStream(LIMIT);
        file.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        while (file.size() + 2 <= LIMIT) {
            file.writeBytes("x\n".getBytes(StandardCharsets.UTF_8));
        }
        long before = events();
        Api.Response refused = post(file.toByteArray(), "text/csv", true);
        problem(refused, 400);
        JsonNode lines = refused.json().path("rejectedLines");
        assertThat(lines.size()).isEqualTo(100);
        assertThat(lines.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(lines.get(99).path("line").asInt()).isEqualTo(101);
        assertThat(refused.json().path("errorsLeftOff").asBoolean()).isTrue();
        assertThat(refused.json().path("detail").asText()).startsWith((LIMIT - HEADER.length()) / 2 + " problem(s)");
        assertThat(refused.body().length()).isLessThan(20_000);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_file_naming_more_dossiers_than_a_statement_has_parameters_is_checked_whole() {
        String csv = good("T12-P-", 70_000) + "T12-P-bad,Hộ tịch,FAX,2021-03-01,2021-03-05,,,\n";
        long before = events();
        Api.Response refused = importCsv(csv);
        problem(refused, 400);
        assertThat(refused.json().path("rejectedLines").findValuesAsText("line")).containsExactly("70002");
        assertThat(refused.json().has("errorsLeftOff")).isFalse();
        assertThat(events()).isEqualTo(before);
        assertThat(dossiers("T12-P-")).isZero();
    }

    @Test
    void a_good_file_is_written_in_chunks_and_the_same_file_again_writes_nothing() {
        String csv = good("T12-C-", 450);
        Api.Response imported = importCsv(csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(450);
        assertThat(dossiers("T12-C-")).isEqualTo(450);
        List<Long> perTransaction = jdbc.sql("""
                SELECT count(*) FROM one_stop_dossier WHERE code LIKE 'T12-C-%' GROUP BY xmin::text""")
                .query(Long.class).list();
        assertThat(perTransaction).as("dossiers per transaction").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(n -> n <= DossierImportController.CHUNK_DOSSIERS);

        for (String code : List.of("T12-C-1", "T12-C-10")) {
            String id = UUID.nameUUIDFromBytes(("dossier:" + code).getBytes(StandardCharsets.UTF_8)).toString();
            JsonNode chain = Api.as(port, "inspector").get("/api/petitions/" + id + "/verification").json();
            assertThat(chain.path("status").asText()).as(code + " " + chain).isEqualTo("OK");
            assertThat(chain.path("eventsChecked").asInt()).isEqualTo(code.endsWith("0") ? 4 : 2);
        }

        long before = events();
        Api.Response again = importCsv(csv);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isEqualTo(450);
        assertThat(events()).isEqualTo(before);

        Api.Response other = importCsv(csv + "T12-C-451,Hộ tịch,POSTAL,2021-03-01,2021-03-05,,,\n");
        problem(other, 400);
        assertThat(other.json().path("rejectedLines").findValuesAsText("message")).hasSize(100)
                .containsOnly("already imported");
        assertThat(other.json().path("detail").asText()).startsWith("450 problem(s)");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_import_cut_short_between_chunks_is_finished_by_sending_the_same_file_again() {
        String csv = good("T12-R-", 450);
        jdbc.sql("""
                CREATE FUNCTION t12_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the database went away'; END $$""").update();
        jdbc.sql("""
                CREATE TRIGGER t12_refuse BEFORE INSERT ON one_stop_dossier FOR EACH ROW
                WHEN (NEW.code = 'T12-R-300') EXECUTE FUNCTION t12_refuse()""").update();
        try {
            Api.Response failed = importCsv(csv);
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.sql("DROP TRIGGER t12_refuse ON one_stop_dossier").update();
            jdbc.sql("DROP FUNCTION t12_refuse()").update();
        }
        long kept = dossiers("T12-R-");
        assertThat(kept).as("the chunks before the failure stay").isBetween(1L, 299L);
        assertThat(jdbc.sql("SELECT last_line - 1 FROM dossier_import WHERE file_sha256 = :sha AND finished_at IS NULL")
                .param("sha", sha256(csv)).query(Long.class).single()).isEqualTo(kept);

        Api.Response finished = importCsv(csv);
        assertThat(finished.status()).as(finished.toString()).isEqualTo(201);
        assertThat(dossiers("T12-R-")).isEqualTo(450);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM domainevententry e JOIN one_stop_dossier d ON d.id = e.aggregate_identifier
                WHERE d.code LIKE 'T12-R-%'""").query(Long.class).single())
                .as("each dossier's events once: received and resolved, and every tenth returned and resubmitted")
                .isEqualTo(450 * 2 + 45 * 2);
    }

    @Test
    void the_same_file_sent_twice_at_once_imports_each_dossier_once() throws Exception {
        String csv = good("T12-S-", 300);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> importCsv(csv));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> importCsv(csv));
        for (Api.Response response : List.of(first.get(), second.get())) {
            assertThat(response.status()).as(response.toString()).isIn(200, 201);
            assertThat(response.json().path("imported").asInt()).isEqualTo(300);
        }
        assertThat(dossiers("T12-S-")).isEqualTo(300);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM domainevententry e JOIN one_stop_dossier d ON d.id = e.aggregate_identifier
                WHERE d.code LIKE 'T12-S-%'""").query(Long.class).single()).isEqualTo(300 * 2 + 30 * 2);
    }

    @Test
    void an_idempotency_key_replays_its_import_and_refuses_another_file_before_writing() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/dossiers/import"))
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", "t12-import-key")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer".getBytes()));
        String csv = good("T12-K-", 150);
        Api.Response first = send(request.copy().POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long before = events();
        Api.Response replayed = send(request.copy().POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        problem(send(request.copy().POST(HttpRequest.BodyPublishers.ofString(good("T12-L-", 150)))), 422);
        assertThat(events()).isEqualTo(before);
        assertThat(dossiers("T12-L-")).isZero();
    }

    private static Api.Response send(HttpRequest.Builder request) {
        try {
            return new Api.Response(HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void each_bad_line_is_named_whatever_is_wrong_with_it() {
        String csv = HEADER
                + "T12-B-1,\"Hộ tịch, \"\"khai\nsinh\"\"\",ONLINE,2021-03-01,2021-03-05,,,\r\n"
                + "T12-B-2,Hộ\u0000tịch,ONLINE,2021-03-01,2021-03-05,,,\n"
                + "T12-B-0,\"Hộ tịch, \"\"khai sinh\"\"\",ONLINE,2021-03-01,2021-03-05,,,\n"
                + "T12-B-3,Hộ tịch,ONLINE,1999-12-31,2021-03-05,,,\n"
                + "T12-B-4,Hộ tịch,ONLINE,2021-03-01,9999-12-31,,,\n"
                + "T12-B-5,Hộ tịch,ONLINE,+999999999-12-31,2021-03-05,,,\n"
                + "T12-B-6,\"Hộ tịch\"x,ONLINE,2021-03-01,2021-03-05,,,\n"
                + "T12-B-7" + ",".repeat(1_000_000) + "\n"
                + "T12-B-8,\"Hộ tịch,ONLINE,2021-03-01,2021-03-05,,,\n";
        long before = events();
        Api.Response refused = importCsv(csv);
        problem(refused, 400);
        JsonNode lines = refused.json().path("rejectedLines");
        String controls = "field: contains a control character";
        assertThat(row(lines, 2)).as("a quoted line break is part of its cell").isEqualTo(controls);
        assertThat(row(lines, 4)).isEqualTo(controls);
        assertThat(row(lines, 6)).isEqualTo("receivedOn: is before 2000-01-01");
        assertThat(row(lines, 7)).isEqualTo("dueOn: is more than a year after receivedOn");
        assertThat(row(lines, 8)).isEqualTo("receivedOn: is in the future");
        assertThat(lines.findValuesAsText("message")).contains("is before receivedOn");
        assertThat(row(lines, 9)).isEqualTo("line: a quoted value must be followed by a comma or the end of the line");
        assertThat(row(lines, 10)).isEqualTo("line: expected 8 columns, found 1000001");
        assertThat(row(lines, 11)).isEqualTo("line: a quoted value is not closed before the end of the file");
        assertThat(lines.size()).as("line 5 holds commas and quotes in quotes, and is good: " + lines).isEqualTo(9);
        assertThat(events()).isEqualTo(before);

        byte[] latin = (HEADER + "T12-B-9,H\u1ed9 t\u1ecbch,ONLINE,2021-03-01,2021-03-05,,,\nT12-B-10,H\u00f4,ONLINE,"
                + "2021-03-01,2021-03-05,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = post(latin, "text/csv", true);
        problem(notUtf8, 400);
        assertThat(row(notUtf8.json().path("rejectedLines"), 3)).isEqualTo("field: is not UTF-8 text (save the file as UTF-8)");
        assertThat(notUtf8.json().path("rejectedLines").size()).isEqualTo(1);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_code_or_a_field_that_shows_nothing_is_refused() {
        String csv = HEADER + "\u00a0\u00a0,Hộ tịch,ONLINE,2021-03-01,2021-03-05,,,\n"
                + "T12-C-1,\u200b\u3000,ONLINE,2021-03-01,2021-03-05,,,\n";
        long before = events();
        Api.Response refused = importCsv(csv);
        problem(refused, 400);
        JsonNode lines = refused.json().path("rejectedLines");
        assertThat(row(lines, 2)).isEqualTo("code: must not be empty");
        assertThat(row(lines, 3)).isEqualTo("field: must not be empty");
        assertThat(events()).isEqualTo(before);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String row(JsonNode lines, int line) {
        for (JsonNode problem : lines) {
            if (problem.path("line").asInt() == line) {
                return problem.path("column").asText() + ": " + problem.path("message").asText();
            }
        }
        return "no problem on line " + line + " in " + lines;
    }

    @Test
    void only_text_csv_is_accepted_so_a_cross_site_form_cannot_import() {
        long before = events();
        byte[] csv = good("T12-F-", 1).getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            problem(post(csv, type, true), 415);
        }
        assertThat(events()).isEqualTo(before);
        assertThat(dossiers("T12-F-")).isZero();
    }

    @Test
    void a_file_over_the_limit_is_refused_with_413_whether_its_length_is_declared_or_not() {
        byte[] file = new byte[LIMIT + 1];
        System.arraycopy(HEADER.getBytes(StandardCharsets.UTF_8), 0, file, 0, HEADER.length());
        java.util.Arrays.fill(file, HEADER.length(), file.length, (byte) '\n');
        long before = events();
        problem(post(file, "text/csv", true), 413);
        Api.Response chunked = post(file, "text/csv", false);
        problem(chunked, 413);
        assertThat(chunked.json().path("detail").asText()).isEqualTo("The body is larger than " + LIMIT + " bytes");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_field_that_looks_like_a_formula_comes_out_of_the_reports_csv_as_text() {
        String csv = HEADER + "T12-X-1,\"=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",ONLINE,2021-05-03,2021-05-07,,,"
                + "2021-05-04\n";
        assertThat(importCsv(csv).status()).isEqualTo(201);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/reports?year=2021&half=1&format=csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("chair:chair".getBytes()))
                .build();
        String report;
        try {
            report = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(report).contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",1,")
                .doesNotContain(",\"=HYPERLINK");
    }
}
