package vn.commune.petition.api.commune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.commune.petition.api.Api;
import vn.commune.petition.api.PetitionServiceTest;
import vn.commune.petition.api.RawHttp;
import vn.commune.petition.api.pages.PageSessions;
import vn.commune.petition.domain.deadline.CalendarData;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * Each commune's settings are its own: Hòa Bình, a remote area with a day off of its own and reception
 * on Mondays and Wednesdays, gives its complaints the longer deadlines on its own calendar, and its
 * documents, receipts, pages and report name it; Tân Lập, the configured commune, keeps the top-level
 * settings (statutory deadlines, the shipped calendar, Thursdays). The province's inspector, who sees
 * both, has a report and pages headed by the province, never by one of its communes.
 */
@PetitionServiceTest
@TestPropertySource(properties = {
    "petition.test.context=commune-settings",
    "petition.commune.name=Tân Lập",
    "petition.commune.code=10105",
    "petition.commune.superior-body=ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
    "petition.sessions.days=THURSDAY",
    // "officer" is the password of every account here, hashed: configured accounts are never plain.
    "petition.security.users[0].username=officer",
    "petition.security.users[0].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[0].roles=OFFICER",
    "petition.security.users[1].username=chair",
    "petition.security.users[1].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[1].roles=CHAIR",
    "petition.security.users[2].username=canbo",
    "petition.security.users[2].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[2].roles=OFFICER",
    "petition.security.users[2].commune=10106",
    "petition.security.users[3].username=chutich",
    "petition.security.users[3].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[3].roles=CHAIR",
    "petition.security.users[3].commune=10106",
    "petition.security.users[4].username=tinh",
    "petition.security.users[4].password={bcrypt}$2a$10$pJUjvIWspJw7rxwOs5TYBuGCC8GbGZ/PW44SEW5sKI24VSSeO7ZLm",
    "petition.security.users[4].roles=INSPECTOR",
    "petition.security.users[4].commune=25",
    "petition.province.code=25",
    "petition.province.name=Phú Thọ",
    "petition.province.communes[0].code=10106",
    "petition.province.communes[0].name=Hòa Bình",
    "petition.province.communes[0].kind=PHUONG",
    "petition.province.communes[0].remote-area=true",
    "petition.province.communes[0].calendar-overrides=" + CommuneSettingsTest.HOA_BINH_CALENDAR,
    "petition.province.communes[0].reception-days=MONDAY,WEDNESDAY",
    "petition.province.communes[0].address=Số 1 đường Hòa Bình",
    "petition.province.communes[0].phone=0210 3333 444",
    "petition.province.communes[0].signatory.name=Lê Văn Bình"})
class CommuneSettingsTest {

    static final String HOA_BINH_CALENDAR = "src/test/resources/calendar/hoa-binh.csv";
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 10, 6);
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 10, 7);

    @LocalServerPort
    int port;

    private String receive(Api who) {
        Api.Response received = who.post("/api/petitions",
                Api.petition(RECEIVED_ON.toString(), "COMPLAINT", "Đất đai"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.text("id");
    }

    private JsonNode accept(Api chair, String id) {
        Api.Response accepted = chair.post("/api/petitions/" + id + "/acceptance",
                Map.of("acceptedOn", ACCEPTED_ON.toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return accepted.json();
    }

    private static DeadlinePolicy policy(WorkingDayCalendar calendar, boolean remoteArea) {
        return new DeadlinePolicy(calendar, DeadlineRules.statutory(), new CommuneDeadlines(remoteArea,
                CommuneDeadlines.DEFAULT.otherResolution(), CommuneDeadlines.DEFAULT.otherExtension()));
    }

    private static WorkingDayCalendar hoaBinhCalendar() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of(HOA_BINH_CALENDAR), StandardCharsets.UTF_8)) {
            return WorkingDayCalendar.shipped().withOverrides(CalendarData.read(reader, HOA_BINH_CALENDAR));
        }
    }

    @Test
    void a_remote_communes_complaint_has_the_longer_deadline_on_its_own_calendar_and_the_configured_one_the_statutory()
            throws IOException {
        DeadlinePolicy tanLap = policy(WorkingDayCalendar.shipped(), false);
        DeadlinePolicy hoaBinh = policy(hoaBinhCalendar(), true);
        String ours = receive(Api.officer(port));
        String theirs = receive(Api.as(port, "canbo", "officer"));

        LocalDate ourHandling = LocalDate.parse(Api.officer(port).get("/api/petitions/" + ours).text("handlingDueOn"));
        LocalDate theirHandling = LocalDate.parse(Api.as(port, "canbo", "officer").get("/api/petitions/" + theirs)
                .text("handlingDueOn"));
        assertThat(ourHandling).isEqualTo(tanLap.handling(PetitionKind.COMPLAINT, RECEIVED_ON).dueOn());
        assertThat(theirHandling).as("a day off of its own moves its deadline alone")
                .isEqualTo(hoaBinh.handling(PetitionKind.COMPLAINT, RECEIVED_ON).dueOn())
                .isAfter(ourHandling);

        LocalDate ourDue = LocalDate.parse(accept(Api.as(port, "chair", "officer"), ours).path("dueOn").asText());
        LocalDate theirDue = LocalDate.parse(accept(Api.as(port, "chutich", "officer"), theirs).path("dueOn").asText());
        assertThat(ourDue).as("the statutory complaint deadline")
                .isEqualTo(tanLap.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, ACCEPTED_ON).dueOn());
        assertThat(theirDue).as("a remote area's")
                .isEqualTo(hoaBinh.resolution(PetitionKind.COMPLAINT, Complexity.NORMAL, ACCEPTED_ON).dueOn())
                .isAfter(ourDue);
    }

    @Test
    void each_account_sees_its_own_communes_reception_days_and_days_off() {
        String period = "/api/sessions/schedule?from=2026-10-01&to=2026-10-31";
        assertThat(daysOfWeek(Api.officer(port).get(period).json())).containsExactly(DayOfWeek.THURSDAY);
        JsonNode theirs = Api.as(port, "canbo", "officer").get(period).json();
        assertThat(daysOfWeek(theirs)).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(theirs.path("days").findValues("day").stream().map(JsonNode::asText).toList())
                .contains("2026-10-14");
        for (JsonNode day : theirs.path("days")) {
            if (day.path("day").asText().equals("2026-10-14")) {
                assertThat(day.path("status").asText()).as("its own day off").isEqualTo("HOLIDAY");
            }
        }
    }

    private static Set<DayOfWeek> daysOfWeek(JsonNode schedule) {
        Set<DayOfWeek> days = new HashSet<>();
        schedule.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.path("dayOfWeek").asText())));
        return days;
    }

    @Test
    void a_communes_documents_receipts_pages_and_report_name_it_and_not_the_configured_commune() {
        String theirs = receive(Api.as(port, "canbo", "officer"));
        accept(Api.as(port, "chutich", "officer"), theirs);
        String ours = receive(Api.officer(port));
        accept(Api.as(port, "chair", "officer"), ours);

        String notice = Api.as(port, "canbo", "officer")
                .get("/api/petitions/" + theirs + "/documents/thong-bao-thu-ly?format=html").body();
        assertThat(notice).contains("TỈNH PHÚ THỌ", "ỦY BAN NHÂN DÂN<br/>PHƯỜNG HÒA BÌNH",
                "UBND phường Hòa Bình", "Hòa Bình, ngày", "Lê Văn Bình")
                .doesNotContain("Tân Lập", "TÂN LẬP");
        assertThat(Api.officer(port).get("/api/petitions/" + ours + "/documents/thong-bao-thu-ly?format=html").body())
                .contains("ỦY BAN NHÂN DÂN<br/>XÃ TÂN LẬP").doesNotContain("Hòa Bình", "HÒA BÌNH");

        String canbo = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "canbo", "officer"));
        String receipt = RawHttp.request("GET", "/petitions/" + theirs + "/receipt").header("Cookie", canbo)
                .send(port).body();
        assertThat(receipt).as("the receipt's letterhead, address, telephone and date line")
                .contains("UBND phường Hòa Bình", "Số 1 đường Hòa Bình", "0210 3333 444",
                        "Hòa Bình, ngày")
                .doesNotContain("Tân Lập");
        assertThat(RawHttp.request("GET", "/petitions/" + theirs).header("Cookie", canbo).send(port).body())
                .as("the pages' header").contains("UBND phường Hòa Bình").doesNotContain("UBND xã Tân Lập");

        String report = Api.as(port, "chutich", "officer").get("/api/reports?from=2026-10-01&to=2026-10-31&format=html")
                .body();
        assertThat(report).contains("PHƯỜNG HÒA BÌNH", "UBND phường Hòa Bình báo cáo")
                .doesNotContain("TÂN LẬP", "Tân Lập");
    }

    @Test
    void the_report_and_pages_of_an_account_overseeing_the_province_are_headed_by_the_province() {
        receive(Api.officer(port));
        receive(Api.as(port, "canbo", "officer"));
        String report = Api.as(port, "tinh", "officer").get("/api/reports?from=2026-10-01&to=2026-10-31&format=html")
                .body();
        assertThat(report)
                .contains("ỦY BAN NHÂN DÂN<br/>TỈNH PHÚ THỌ", "UBND tỉnh Phú Thọ báo cáo", "Phú Thọ, ngày")
                .doesNotContain("TÂN LẬP", "HÒA BÌNH", "UBND xã Tân Lập", "UBND phường Hòa Bình");
        // The communes are named only in the table of each one's petitions.
        assertThat(report.substring(0, report.indexOf("Đơn thư theo từng xã, phường")))
                .doesNotContain("Tân Lập", "Hòa Bình");

        String tinh = PageSessions.sessionCookie(PageSessions.signIn(port, "127.0.0.1", "tinh", "officer"));
        String page = RawHttp.request("GET", "/reports?from=2026-10-01&to=2026-10-31").header("Cookie", tinh)
                .send(port).body();
        assertThat(page).as("the report's preview and the pages' header")
                .contains("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "UBND tỉnh Phú Thọ")
                .doesNotContain("TÂN LẬP", "UBND xã Tân Lập");
    }
}
