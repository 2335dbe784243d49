package vn.commune.petition.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.journey.TownFirstHalf2024;

/**
 * The town's half-year report written from the service's own events: the sentence of section 1.3
 * of the town's report, the standard tables, the one-stop table of 966 dossiers, in every format,
 * each read back. Its own database, holding only the town's half year.
 */
@PetitionServiceTest
@TestPropertySource(properties = {"petition.test.context=reports", "petition.commune.name=Tân Lập"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportTest {

    static final String SEED_SENTENCE = "Trong 6 tháng đầu năm 2024 đã tiếp nhận 11 đơn thư kiến nghị của công dân."
            + " Đã hòa giải thành và trả lời bằng văn bản 9 đơn, còn 02 đơn hòa giải không thành chuyển lên cấp trên.";

    @LocalServerPort
    int port;

    @BeforeAll
    void replayTheTownsHalfYear() {
        TownFirstHalf2024.replay(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(port, "chair")
                .get("/api/counts?from=2024-01-01&to=2024-06-30").json().path("resolved").asLong() == 9);
    }

    private Api.Response importCsv(String csv) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/import"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), "officer");
    }

    private HttpResponse<byte[]> download(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/reports?" + query))
                .header("Authorization", basic("chair")).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @Order(1)
    void a_csv_with_bad_lines_is_refused_whole_with_every_bad_line_named() {
        String csv = """
                code,field,channel,receivedOn,dueOn,returnedOn,resubmittedOn,resolvedOn
                OK-1,Hộ tịch,ONLINE,2024-03-01,2024-03-05,,,2024-03-02
                BAD-1,Hộ tịch,FAX,2024-03-01,2024-03-05,,,
                BAD-2,,ONLINE,2024-02-30,2024-03-05,,,
                BAD-3,Chứng thực,IN_PERSON,2024-03-06,2024-03-05,,,
                OK-1,Hộ tịch,ONLINE,2024-03-01,2024-03-05,,,2024-03-02
                BAD-4,Chứng thực,ONLINE,2024-03-01,2024-03-05,,,2024-02-28
                """;
        Api.Response refused = importCsv(csv);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode lines = refused.json().path("rejectedLines");
        assertThat(lines.findValuesAsText("line")).contains("3", "4", "5", "6", "7");
        assertThat(lines.toString()).contains("FAX").contains("field").contains("2024-02-30")
                .contains("before receivedOn").contains("earlier line").contains("previous step");
        JsonNode report = Api.as(port, "chair").get("/api/reports?year=2024&half=1").json();
        assertThat(report.toString()).as("nothing was imported").doesNotContain("Hộ tịch");
        assertThat(importCsv("not,a,header\n").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void the_half_year_report_says_what_the_towns_own_report_says() throws Exception {
        String csv = new String(ReportTest.class.getResourceAsStream("/seed/one-stop-2024-h1.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        Api.Response imported = importCsv(csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(966);
        Api.Response again = importCsv(csv);
        assertThat(again.status()).as("the same file again writes nothing").isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isEqualTo(966);

        JsonNode report = Api.as(port, "chair").get("/api/reports?year=2024&half=1").json();
        assertThat(report.path("narrative").asText()).isEqualTo(SEED_SENTENCE);
        assertThat(report.path("period").asText()).isEqualTo("6 tháng đầu năm 2024");
        assertThat(report.path("commune").asText()).as("a xã, the kind by default").isEqualTo("UBND xã Tân Lập");
        assertThat(report.path("title").asText()).isEqualTo("Báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết"
                + " hồ sơ 6 tháng đầu năm 2024 của UBND xã Tân Lập");
        assertThat(report.path("gist").asText())
                .isEqualTo("Kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2024");
        assertThat(report.path("invariants").findValuesAsText("holds")).containsOnly("true");
        JsonNode oneStop = table(report, "one-stop");
        assertThat(oneStop.path("columns").get(1).asText()).isEqualTo("Lĩnh vực");
        assertThat(text(oneStop.path("rows"))).containsExactly(
                "[1,\"Bảo Trợ Xã Hội\",72,72,0,0,72,72,0,0]",
                "[2,\"Các cơ sở giáo dục khác\",2,2,0,0,2,2,0,0]",
                "[3,\"Chứng thực\",602,602,0,0,602,600,0,2]",
                "[4,\"Hộ tịch\",288,288,0,0,288,288,0,0]",
                "[5,\"Thi đua - khen thưởng\",2,2,0,0,2,2,0,0]",
                "[\"*\",\"Tổng số\",966,966,0,0,966,964,0,2]");
        JsonNode petitions = table(report, "petitions");
        assertThat(text(petitions.path("rows"))).contains("[\"  Đơn tiếp nhận trong kỳ\",11]",
                "[\"Đã giải quyết (trả lời bằng văn bản)\",9]", "[\"Chuyển lên cấp trên\",2]",
                "[\"Đơn còn tồn cuối kỳ\",0]");

        JsonNode quarter = Api.as(port, "chair").get("/api/reports?year=2024&quarter=2").json();
        assertThat(quarter.path("narrative").asText()).startsWith("Trong quý II năm 2024 đã tiếp nhận 5 đơn thư kiến nghị");
        JsonNode english = Api.as(port, "chair").get("/api/reports?year=2024&half=1&lang=en").json();
        assertThat(table(english, "one-stop").path("columns").get(1).asText()).isEqualTo("Field");
        assertThat(english.path("narrativeEn").asText()).contains("11 citizen petitions were received");
    }

    @Test
    @Order(3)
    void an_empty_period_has_a_short_sentence_and_zero_tables() {
        JsonNode report = Api.as(port, "chair").get("/api/reports?from=2023-01-01&to=2023-03-31").json();
        assertThat(report.path("narrative").asText())
                .isEqualTo("Trong quý I năm 2023 đã tiếp nhận 0 đơn thư của công dân.");
        assertThat(report.path("narrative").asText()).doesNotContain("cấp trên");
        assertThat(text(table(report, "one-stop").path("rows"))).containsExactly("[\"*\",\"Tổng số\",0,0,0,0,0,0,0,0]");
    }

    @Test
    @Order(4)
    void the_pdf_embeds_its_fonts_and_reads_back_with_every_diacritic() throws Exception {
        HttpResponse<byte[]> response = download("year=2024&half=1&format=pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Trong 6 tháng đầu năm 2024 đã tiếp nhận 11 đơn thư kiến nghị của công dân.")
                    .contains("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Tân Lập, ngày 30 tháng 6 năm 2024")
                    .contains("UBND xã Tân Lập báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng"
                            + " đầu năm 2024 như sau:")
                    .contains("hòa giải không thành chuyển lên cấp trên")
                    .contains("Chứng thực").contains("Thi đua - khen thưởng").contains("Trễ hạn");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            // Rendered to images for a person to look at: target/report-page-N.png.
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                Path image = Path.of("target", "report-page-" + (page + 1) + ".png");
                ImageIO.write(renderer.renderImageWithDPI(page, 110), "png", image.toFile());
                assertThat(Files.size(image)).isPositive();
            }
        }
    }

    @Test
    @Order(5)
    void the_workbook_has_one_sheet_per_table_with_numbers_as_numbers() throws Exception {
        HttpResponse<byte[]> response = download("year=2024&half=1&format=xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).endsWith("của UBND xã Tân Lập");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Kết quả xử lý, giải quyết đơn thư");
            Sheet oneStop = workbook.getSheetAt(2);
            var total = oneStop.getRow(oneStop.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng số");
            assertThat(total.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(966);
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(964);
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(2);
        }
    }

    @Test
    @Order(6)
    void html_and_csv_are_offered_by_format_or_accept_header() throws Exception {
        Api.Response html = Api.as(port, "chair").with("Accept", "text/html").get("/api/reports?year=2024&half=1");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("@page { size: A4").contains(SEED_SENTENCE);
        HttpResponse<byte[]> csv = download("year=2024&half=1&format=csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"Chứng thực\",602,602,0,0,602,600,0,2");
        Api.Response bad = Api.as(port, "chair").get("/api/reports?year=2024&half=3&format=doc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).contains("half", "format");
        assertThat(Api.as(port, "admin").get("/api/reports?year=2024").status()).isEqualTo(403);
    }

    private static JsonNode table(JsonNode report, String id) {
        for (JsonNode table : report.path("tables")) {
            if (table.path("id").asText().equals(id)) {
                return table;
            }
        }
        throw new AssertionError("no table " + id);
    }

    private static List<String> text(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(JsonNode::toString).toList();
    }

    private Api.Response send(HttpRequest.Builder request, String user) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    request.header("Authorization", basic(user)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
