package vn.commune.petition.api.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.pages.PageSessions;

/**
 * The documents a commune prints from a petition's steps, fetched over HTTP and read back from the
 * PDF: each in the format of Nghị định 30, naming the commune, the petition's reference and the step's
 * date, the same each time it is printed; a denunciator named only in what is addressed to them. The
 * commune here is a phường, configured by its name and kind alone: every other name is derived.
 */
@PetitionServiceTest
@TestPropertySource(properties = {
    "petition.test.context=documents",
    "petition.commune.name=Tân Lập",
    "petition.commune.kind=PHUONG",
    "petition.commune.superior-body=ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
    "petition.commune.signatory.authority=KT. CHỦ TỊCH",
    "petition.commune.signatory.title=PHÓ CHỦ TỊCH",
    "petition.commune.signatory.name=Nguyễn Văn Bình"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedDocumentsTest {

    private static final Map<String, String> DENUNCIATOR = Map.of("fullName", "Trần Thị Mật",
            "address", "Xóm Bí Ẩn, thôn Đồng Tâm", "idNumber", "012345678901", "phone", "0912 345 678");

    @LocalServerPort
    int port;

    private String complaint;
    private String forwardedDenunciation;
    private String rejectedDenunciation;
    private String acceptedDenunciation;
    private String guided;
    private final Map<String, String> references = new HashMap<>();

    @BeforeAll
    void recordTheSteps() {
        Api officer = Api.officer(port);
        Api chair = Api.chair(port);
        Api.Response opened = officer.post("/api/sessions", Map.of("heldOn", "2026-03-05", "kind", "PERIODIC",
                "host", "Lê Văn Chủ", "hostedInPerson", true));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Map<String, Object> visit = new HashMap<>();
        visit.put("people", 1);
        visit.put("group", false);
        visit.put("repeat", false);
        visit.put("kind", "COMPLAINT");
        visit.put("summary", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất");
        visit.put("outcome", "PETITION_RECEIVED");
        visit.put("petition", Map.of("kind", "COMPLAINT", "field", "Đất đai",
                "summary", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
                "petitioners", List.of(Map.of("fullName", "Phạm Văn Khiếu", "address", "Thôn Đồng Tâm",
                        "idNumber", "001122334455")), "ward", "Thôn Đồng Tâm"));
        Api.Response logged = officer.post("/api/sessions/" + opened.text("id") + "/visits", visit);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        complaint = logged.json().path("petition").path("id").asText();
        step(chair, complaint, "acceptance", Map.of("acceptedOn", "2026-03-09"));
        step(chair, complaint, "written-answer", Map.of("answeredOn", "2026-03-27", "documentNumber", "45/UBND-TD",
                "summary", "Việc cấp giấy chứng nhận đúng quy định; giữ nguyên."));

        forwardedDenunciation = receive(officer, "DENUNCIATION", "2026-03-10");
        step(chair, forwardedDenunciation, "forwarding", Map.of("forwardedOn", "2026-03-12",
                "to", "Thanh tra tỉnh Phú Thọ", "reason", "người bị tố cáo là cán bộ cấp tỉnh"));
        rejectedDenunciation = receive(officer, "DENUNCIATION", "2026-03-10");
        step(chair, rejectedDenunciation, "rejection", Map.of("rejectedOn", "2026-03-13",
                "legalGround", "Tố cáo về vụ việc đã được giải quyết mà không có thông tin, tình tiết mới"));
        acceptedDenunciation = receive(officer, "DENUNCIATION", "2026-03-10");
        step(chair, acceptedDenunciation, "acceptance", Map.of("acceptedOn", "2026-03-16"));
        guided = receive(officer, "FEEDBACK", "2026-03-10");
        step(chair, guided, "guidance", Map.of("guidedOn", "2026-03-11", "to", "Chi nhánh Văn phòng đăng ký đất đai"));
        for (String id : List.of(complaint, forwardedDenunciation, rejectedDenunciation, acceptedDenunciation, guided)) {
            references.put(id, chair.get("/api/petitions/" + id).text("reference"));
        }
    }

    private String receive(Api officer, String kind, String on) {
        Map<String, Object> body = new LinkedHashMap<>(Api.petition(on, kind, "Đất đai"));
        body.put("petitioners", List.of(DENUNCIATOR));
        Api.Response received = officer.post("/api/petitions", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private static void step(Api chair, String id, String step, Map<String, Object> body) {
        Api.Response done = chair.post("/api/petitions/" + id + "/" + step, body);
        assertThat(done.status()).as(step + ": " + done).isEqualTo(200);
    }

    @Test
    void each_document_names_the_commune_the_reference_and_the_steps_date_under_the_national_title() throws Exception {
        record Expected(String petition, String name, String dateLine) {
        }
        List<Expected> expected = List.of(
                new Expected(complaint, "bien-ban-tiep-cong-dan", "Tân Lập, ngày 05 tháng 3 năm 2026"),
                new Expected(complaint, "thong-bao-thu-ly", "Tân Lập, ngày 09 tháng 3 năm 2026"),
                new Expected(complaint, "tra-loi-don", "Tân Lập, ngày 27 tháng 3 năm 2026"),
                new Expected(forwardedDenunciation, "phieu-chuyen-don", "Tân Lập, ngày 12 tháng 3 năm 2026"),
                new Expected(rejectedDenunciation, "thong-bao-khong-thu-ly", "Tân Lập, ngày 13 tháng 3 năm 2026"),
                new Expected(acceptedDenunciation, "thong-bao-thu-ly", "Tân Lập, ngày 16 tháng 3 năm 2026"),
                new Expected(guided, "phieu-huong-dan", "Tân Lập, ngày 11 tháng 3 năm 2026"));
        for (Expected document : expected) {
            String path = "/api/petitions/" + document.petition() + "/documents/" + document.name() + "?format=pdf";
            String text = pdfText(download(path, "chair"));
            assertThat(text).as(document.name())
                    .contains("UBND phường Tân Lập", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN LẬP", "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
                            references.get(document.petition()),
                            document.dateLine(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                            "Số:", "Nơi nhận:");
            if (!document.name().equals("bien-ban-tiep-cong-dan")) {
                assertThat(text).as(document.name()).contains("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình");
            }
            assertThat(pdfText(download(path, "chair"))).as("printed again, " + document.name()).isEqualTo(text);
        }
        String visit = pdfText(download("/api/petitions/" + complaint + "/documents/bien-ban-tiep-cong-dan?format=pdf",
                "officer"));
        assertThat(visit).contains("BIÊN BẢN", "Tiếp công dân", "Phạm Văn Khiếu", "001122334455", "Lê Văn Chủ",
                "NGƯỜI ĐƯỢC TIẾP", "tiếp định kỳ", "tại Trụ sở Ủy ban nhân dân phường Tân Lập, UBND phường Tân Lập tổ chức");
        String answer = pdfText(download("/api/petitions/" + complaint + "/documents/tra-loi-don?format=pdf", "chair"));
        assertThat(answer).contains("Số: 45/UBND-TD", "V/v trả lời đơn khiếu nại", "giữ nguyên");
    }

    @Test
    void the_list_gives_each_documents_kind_number_date_and_links_and_the_numbers_never_move() {
        JsonNode list = Api.chair(port).get("/api/petitions/" + complaint + "/documents").json();
        assertThat(list.findValuesAsText("name")).containsExactly("bien-ban-tiep-cong-dan", "thong-bao-thu-ly",
                "tra-loi-don");
        assertThat(list.get(0).path("number").asText()).matches("\\d{2,}/BB-UBND");
        assertThat(list.get(1).path("number").asText()).matches("\\d{2,}/TB-UBND");
        assertThat(list.get(1).path("date").asText()).isEqualTo("2026-03-09");
        assertThat(list.get(1).path("kind").asText()).isEqualTo("ACCEPTANCE_NOTICE");
        assertThat(list.get(1).path("links").path("pdf").asText())
                .isEqualTo("/api/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=pdf");
        assertThat(list.get(2).path("number").asText()).isEqualTo("45/UBND-TD");

        // Notices of acceptance and of refusal share the register TB: each its own number, in stored order.
        List<String> notices = new ArrayList<>();
        for (String id : List.of(complaint, rejectedDenunciation, acceptedDenunciation)) {
            for (JsonNode document : Api.chair(port).get("/api/petitions/" + id + "/documents").json()) {
                if (document.path("number").asText().endsWith("/TB-UBND")) {
                    notices.add(document.path("number").asText());
                }
            }
        }
        assertThat(notices).hasSize(3).doesNotHaveDuplicates();
        assertThat(notices.stream().map(n -> Integer.parseInt(n.split("/")[0])).toList()).isSorted();

        receive(Api.officer(port), "COMPLAINT", "2026-03-10");
        JsonNode again = Api.chair(port).get("/api/petitions/" + complaint + "/documents").json();
        assertThat(again).as("a later petition changes no number").isEqualTo(list);
    }

    @Test
    void a_denunciator_is_named_only_in_what_is_addressed_to_the_denunciator() throws Exception {
        String slip = pdfText(download("/api/petitions/" + forwardedDenunciation
                + "/documents/phieu-chuyen-don?format=pdf", "chair"));
        assertThat(slip).contains("PHIẾU CHUYỂN ĐƠN", "Thanh tra tỉnh Phú Thọ", "giữ bí mật");
        String html = Api.chair(port).with("Accept", "text/html")
                .get("/api/petitions/" + forwardedDenunciation + "/documents/phieu-chuyen-don").body();
        for (String value : DENUNCIATOR.values()) {
            assertThat(slip).doesNotContain(value);
            assertThat(html).doesNotContain(value);
        }
        assertThat(html).contains("<html lang=\"vi\"").contains("@page { size: A4");
        assertThat(Api.chair(port).with("Accept", "text/html")
                .get("/api/petitions/" + forwardedDenunciation + "/documents/phieu-chuyen-don").body())
                .as("printed again: the same bytes").isEqualTo(html);

        String refusal = pdfText(download("/api/petitions/" + rejectedDenunciation
                + "/documents/thong-bao-khong-thu-ly?format=pdf", "chair"));
        assertThat(refusal).as("addressed to the denunciator").contains("Kính gửi: Trần Thị Mật", "Xóm Bí Ẩn");

        // The inspector may not see a denunciator: only the slip that names no one is listed and given.
        Api inspector = Api.as(port, "inspector");
        assertThat(inspector.get("/api/petitions/" + forwardedDenunciation + "/documents").json()
                .findValuesAsText("name")).containsExactly("phieu-chuyen-don");
        assertThat(inspector.get("/api/petitions/" + rejectedDenunciation + "/documents").json()).isEmpty();
        Api.Response refused = inspector.get("/api/petitions/" + rejectedDenunciation
                + "/documents/thong-bao-khong-thu-ly?format=pdf");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(inspector.get("/api/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=pdf").status())
                .as("a complainant the inspector may see").isEqualTo(200);
        // The People's Inspection Board sees no petitioner of any kind, so no document at all.
        Api board = Api.as(port, "board");
        assertThat(board.get("/api/petitions/" + complaint + "/documents").status()).isEqualTo(403);
        assertThat(board.get("/api/petitions/" + forwardedDenunciation + "/documents/phieu-chuyen-don").status())
                .isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/petitions/" + complaint + "/documents").status()).isEqualTo(403);
    }

    @Test
    void an_unknown_document_or_petition_is_a_404_problem_and_a_bad_format_a_400() {
        Api chair = Api.chair(port);
        Api.Response unknown = chair.get("/api/petitions/" + complaint + "/documents/phieu-chuyen-don");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(chair.get("/api/petitions/" + java.util.UUID.randomUUID() + "/documents").status()).isEqualTo(404);
        assertThat(chair.get("/api/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=doc").status())
                .isEqualTo(400);
    }

    @Test
    void english_by_lang() {
        String html = Api.chair(port).get("/api/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=html&lang=en")
                .body();
        assertThat(html).contains("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "NOTICE",
                references.get(complaint), "People's Committee of Tân Lập ward", "ỦY BAN NHÂN DÂN<br/>PHƯỜNG TÂN LẬP",
                "09/03/2026").doesNotContain("UBND phường");
    }

    @Test
    void the_period_report_has_the_heading_a_number_from_its_period_the_signatory_and_the_recipients() throws Exception {
        String text = pdfText(download("/api/reports?year=2026&half=1&format=pdf", "chair"));
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Số: 606/BC-UBND", "BÁO CÁO", "Tân Lập, ngày 30 tháng 6 năm 2026", "Nơi nhận:", "PHÓ CHỦ TỊCH",
                "Nguyễn Văn Bình", "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN LẬP",
                "Kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2026",
                "UBND phường Tân Lập báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm"
                        + " 2026 như sau:",
                "Trên đây là báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2026 của"
                        + " UBND phường Tân Lập./.",
                "Thường trực Hội đồng nhân dân phường");
        assertThat(text).as("no district since 1 July 2025, and no xã here").doesNotContain("huyện", "HUYỆN", "XÃ TÂN LẬP");
        JsonNode report = Api.chair(port).get("/api/reports?year=2026&half=1").json();
        assertThat(report.path("commune").asText()).isEqualTo("UBND phường Tân Lập");
        assertThat(report.path("title").asText()).isEqualTo(
                "Báo cáo kết quả tiếp công dân, xử lý đơn thư và giải quyết hồ sơ 6 tháng đầu năm 2026 của UBND phường Tân Lập");
        JsonNode english = Api.chair(port).get("/api/reports?year=2026&half=1&lang=en").json();
        assertThat(english.path("title").asText()).isEqualTo("Report of the People's Committee of Tân Lập ward on"
                + " citizen reception, petitions and one-stop dossiers, 6 months of 2026");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("/api/reports?year=2026&half=1&format=xlsx", "chair")))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(report.path("title").asText());
            assertThat(workbook.getProperties().getCoreProperties().getCreator()).isEqualTo("UBND phường Tân Lập");
        }
        assertThat(pdfText(download("/api/reports?year=2026&quarter=1&format=pdf", "chair"))).contains("Số: 303/BC-UBND");
    }

    @Test
    void the_petition_page_links_to_each_document_it_may_show_and_prints_it_as_html_or_pdf() {
        String chair = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "chair", "chair"));
        RawHttp.Response page = RawHttp.request("GET", "/petitions/" + complaint).header("Cookie", chair).send(port);
        assertThat(page.status()).isEqualTo(200);
        for (String name : List.of("bien-ban-tiep-cong-dan", "thong-bao-thu-ly", "tra-loi-don")) {
            assertThat(page.body()).contains("/petitions/" + complaint + "/documents/" + name + "\"",
                    "/petitions/" + complaint + "/documents/" + name + "?format=pdf");
        }
        RawHttp.Response html = RawHttp.request("GET", "/petitions/" + complaint + "/documents/thong-bao-thu-ly")
                .header("Cookie", chair).send(port);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.header("Content-Security-Policy")).contains("style-src 'sha256-").doesNotContain("script-src");
        assertThat(html.body()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", references.get(complaint));
        assertThat(RawHttp.request("GET", "/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=pdf")
                .header("Cookie", chair).send(port).header("Content-Type")).startsWith("application/pdf");

        RawHttp.Response byPost = RawHttp.request("GET", "/petitions/" + guided).header("Cookie", chair).send(port);
        assertThat(byPost.body()).as("received by post: no visit, so no biên bản")
                .contains("/petitions/" + guided + "/documents/phieu-huong-dan").doesNotContain("bien-ban-tiep-cong-dan");

        String inspector = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "inspector", "inspector"));
        RawHttp.Response withheld = RawHttp.request("GET", "/petitions/" + rejectedDenunciation).header("Cookie", inspector)
                .send(port);
        assertThat(withheld.body()).doesNotContain("/documents/thong-bao-khong-thu-ly");
        assertThat(RawHttp.request("GET", "/petitions/" + rejectedDenunciation + "/documents/thong-bao-khong-thu-ly")
                .header("Cookie", inspector).send(port).status()).isEqualTo(403);
        RawHttp.Response report = RawHttp.request("GET", "/reports?year=2026&half=1").header("Cookie", chair).send(port);
        assertThat(report.body()).as("the report's preview under the same heading").contains("Số: 606/BC-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Tân Lập, ngày 30 tháng 6 năm 2026", "Nơi nhận:", "PHÓ CHỦ TỊCH",
                "ỦY BAN NHÂN DÂN PHƯỜNG TÂN LẬP", "của UBND phường Tân Lập</h2>",
                "UBND phường Tân Lập báo cáo kết quả tiếp công dân", "Thường trực Hội đồng nhân dân phường");
        assertThat(page.body()).as("the pages' header").contains("UBND phường Tân Lập");
        RawHttp.Response receipt = RawHttp.request("GET", "/petitions/" + complaint + "/receipt").header("Cookie", chair)
                .send(port);
        assertThat(receipt.body()).as("the receipt's letterhead, address and date line").contains("UBND phường Tân Lập",
                "Trụ sở Ủy ban nhân dân phường Tân Lập", "Tân Lập, ngày 05/03/2026");
        assertThat(RawHttp.request("GET", "/api/public/figures?from=2026-01-01&to=2026-06-30").send(port).json()
                .path("commune").asText()).as("the public figures").isEqualTo("UBND phường Tân Lập");
        assertThat(RawHttp.request("GET", "/public/figures?year=2026&half=1").send(port).body())
                .contains("UBND phường Tân Lập công khai");

        String board = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "board", "board"));
        assertThat(RawHttp.request("GET", "/petitions/" + complaint).header("Cookie", board).send(port).body())
                .doesNotContain("/documents/");
        assertThat(RawHttp.request("GET", "/petitions/" + complaint + "/documents/thong-bao-thu-ly")
                .header("Cookie", board).send(port).status()).isEqualTo(403);
    }

    /** Each document's first page as an image, for a person to look at: target/documents/*.png. */
    @Test
    void the_pages_render_to_images() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "documents"));
        Map<String, String> pages = Map.of(
                "thong-bao-thu-ly", "/api/petitions/" + complaint + "/documents/thong-bao-thu-ly?format=pdf",
                "bien-ban-tiep-cong-dan", "/api/petitions/" + complaint + "/documents/bien-ban-tiep-cong-dan?format=pdf",
                "phieu-chuyen-don", "/api/petitions/" + forwardedDenunciation + "/documents/phieu-chuyen-don?format=pdf",
                "tra-loi-don", "/api/petitions/" + complaint + "/documents/tra-loi-don?format=pdf",
                "bao-cao", "/api/reports?year=2026&half=1&format=pdf");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            try (PDDocument pdf = Loader.loadPDF(download(page.getValue(), "chair"))) {
                for (var p : pdf.getPages()) {
                    for (var name : p.getResources().getFontNames()) {
                        PDFont font = p.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    }
                }
                Path image = folder.resolve(page.getKey() + ".png");
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 80), "png", image.toFile());
                assertThat(Files.size(image)).isPositive();
            }
        }
    }

    private byte[] download(String path, String user) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
