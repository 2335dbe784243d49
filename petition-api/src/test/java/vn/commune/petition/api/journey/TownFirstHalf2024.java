package vn.commune.petition.api.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.commune.petition.api.Api;

/**
 * The town's first half of 2024 as its officers would have typed it through the API: 11 petitions
 * received at Thursday sessions, 9 mediated successfully and answered, 2 mediations failed and escalated.
 */
public final class TownFirstHalf2024 {

    /** Thursdays of January to June 2024 on which a petition came in (18 April was a holiday). */
    static final List<LocalDate> THURSDAYS = List.of(
            LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 18), LocalDate.of(2024, 2, 1),
            LocalDate.of(2024, 2, 22), LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 21),
            LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 25), LocalDate.of(2024, 5, 9),
            LocalDate.of(2024, 5, 23), LocalDate.of(2024, 6, 6));

    /** The petitioners the half-year names, one per petition. */
    public static final List<String> NAMES = List.of("Nguyễn Văn Ánh", "Trần Thị Bích", "Lê Văn Cường",
            "Phạm Thị Dung", "Hoàng Văn Đức", "Vũ Thị Hằng", "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh",
            "Ngô Thị Nga", "Dương Văn Phúc");

    private TownFirstHalf2024() {
    }

    /** Replays the half-year through the API and answers the petitions' ids in order of receipt. */
    public static List<String> replay(int port) {
        Api officer = Api.as(port, "officer");
        Api chair = Api.as(port, "chair");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < THURSDAYS.size(); i++) {
            LocalDate on = THURSDAYS.get(i);
            boolean fails = i == 3 || i == 8;
            Api.Response received = officer.post("/api/petitions", Map.of(
                    "receivedOn", on.toString(),
                    "channel", "RECEPTION_SESSION",
                    "kind", "RECOMMENDATION",
                    "field", "Đất đai",
                    "summary", "Đề nghị giải quyết tranh chấp ranh giới đất giữa các hộ liền kề",
                    "petitioners", List.of(Map.of("fullName", NAMES.get(i), "address", "Khu " + (i % 6 + 1))),
                    "ward", "Khu " + (i % 6 + 1)));
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
            assertThat(received.text("reference")).isEqualTo(String.format("2024-%04d", i + 1));
            String id = received.text("id");
            ids.add(id);
            assertThat(received.header("Location")).isEqualTo("/api/petitions/" + id);

            TownFirstHalf2024.step(chair, id, "acceptance", Map.of("acceptedOn", on.plusDays(1).toString()), "ACCEPTED");
            step(officer, id, "mediations", Map.of("heldOn", on.plusDays(7).toString(),
                    "outcome", fails ? "FAILED" : "SUCCEEDED", "minutesRef", "BB-HG-" + (i + 1)), "ACCEPTED");
            if (fails) {
                TownFirstHalf2024.step(chair, id, "escalation", Map.of("escalatedOn", on.plusDays(8).toString(),
                        "to", "UBND huyện", "reason", "Hòa giải không thành"), "ESCALATED");
            } else {
                TownFirstHalf2024.step(chair, id, "written-answer", Map.of("answeredOn", on.plusDays(8).toString(),
                        "documentNumber", (i + 10) + "/UBND-TCD", "summary", "Trả lời kết quả hòa giải thành"),
                        "RESOLVED");
            }
        }

        return ids;
    }

    static void step(Api api, String id, String step, Map<String, Object> body, String status) {
        Api.Response response = api.post("/api/petitions/" + id + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo(status);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.json().path("version").asLong() + "\"");
    }
}
