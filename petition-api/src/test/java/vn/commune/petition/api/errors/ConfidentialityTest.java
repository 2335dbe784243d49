package vn.commune.petition.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;

/** A denunciator's identity is seen only by the officers and the chair who handle the case (Luật Tố cáo Đ8.3). */
@PetitionServiceTest
class ConfidentialityTest {

    private static final String NAME = "Trịnh Văn Tố";
    private static final String ADDRESS = "Số 7, ngõ 12, Khu 6";
    private static final String ID_NUMBER = "001234567890";
    private static final String PHONE = "0912345678";

    @LocalServerPort
    int port;

    @Test
    void an_inspector_never_sees_who_denounced_but_the_chair_does() {
        Map<String, Object> body = Api.petition("2020-09-03", "DENUNCIATION", "Tham nhũng");
        body.put("petitioners", List.of(Map.of("fullName", NAME, "address", ADDRESS, "idNumber", ID_NUMBER,
                "phone", PHONE)));
        Api.Response received = Api.as(port, "officer").post("/api/petitions", body);
        assertThat(received.status()).isEqualTo(201);
        String id = received.text("id");

        Api inspector = Api.as(port, "inspector");
        for (String path : List.of("/api/petitions/" + id, "/api/petitions/" + id + "/history",
                "/api/petitions?kind=DENUNCIATION&from=2020-09-01&to=2020-09-30",
                "/api/petitions/overdue?asOf=2021-01-01")) {
            Api.Response response = inspector.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(NAME).doesNotContain(ADDRESS)
                    .doesNotContain(ID_NUMBER).doesNotContain(PHONE);
        }
        assertThat(inspector.get("/api/petitions/" + id).body()).contains("bảo mật");

        Api.Response chair = Api.as(port, "chair").get("/api/petitions/" + id);
        assertThat(chair.body()).contains(NAME).contains(ID_NUMBER);
        assertThat(Api.as(port, "officer").get("/api/petitions/" + id + "/history").body()).contains(NAME);
    }

    @Test
    void the_petitioners_of_other_kinds_are_visible_to_the_inspector() {
        Api.Response received = Api.as(port, "officer")
                .post("/api/petitions", Api.petition("2020-09-03", "COMPLAINT", "Đất đai"));
        assertThat(Api.as(port, "inspector").get("/api/petitions/" + received.text("id")).body())
                .contains("Phạm Thị Hoa");
    }
}
