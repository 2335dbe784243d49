package vn.commune.petition.projections.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.ProjectionDatabase;
import vn.commune.petition.projections.commune.EventCommune;

/** The register's search, filters, orders and pages, on the petition view kept by its projection. */
class RegisterQueriesTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PetitionViewProjection projection = new PetitionViewProjection(database.writes(), json,
            new EventCommune("10105"));
    private final PetitionViewQueries queries = new PetitionViewQueries(database.jdbc(), json);

    private static final Set<PetitionKind> EVERY_KIND = EnumSet.allOf(PetitionKind.class);
    private static final Set<PetitionKind> BUT_DENUNCIATIONS = EnumSet.complementOf(EnumSet.of(PetitionKind.DENUNCIATION));

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2024, month, day);
    }

    private void receive(String id, LocalDate on, PetitionKind kind, Channel channel, String field, String ward,
                         String summary, String name, LocalDate dueOn) {
        projection.on(new PetitionReceived(id, "2024-" + id, on, channel, kind, field, summary,
                name == null ? List.of() : List.of(new Petitioner(name, "Thôn Đông", null, null)), ward, null, dueOn,
                "VN-2019", List.of(), null, null), 0, null);
    }

    @BeforeEach
    void aRegister() {
        receive("0001", day(1, 4), PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Đông",
                "Tranh chấp ranh giới đất với hộ liền kề", "Nguyễn Văn Ánh", day(1, 15));
        receive("0002", day(1, 11), PetitionKind.DENUNCIATION, Channel.MAILBOX, "Xây dựng", "Thôn Tây",
                "Tố cáo cán bộ địa chính nhận tiền", "Lê Thị Mật", day(1, 25));
        receive("0003", day(2, 1), PetitionKind.FEEDBACK, Channel.ONLINE, "Môi trường", null,
                "Khói từ lò gạch gây ô nhiễm", null, day(2, 20));
        receive("0004", day(2, 8), PetitionKind.RECOMMENDATION, Channel.POST, "Đất đai", "Thôn Tây",
                "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", "Trần Văn Mật", day(2, 22));
        projection.on(new PetitionAccepted("0004", day(2, 9), PetitionKind.RECOMMENDATION, Complexity.NORMAL,
                day(3, 11), "VN-2019", 1, 10), 1);
        projection.on(new PetitionAnswered("0001", day(1, 12), "3/UBND", "Trả lời"), 1);
    }

    private static FindInRegister find(String text, Set<PetitionKind> names) {
        return new FindInRegister(text, names, null, null, null, null, null, null, null, null,
                FindInRegister.Order.RECEIVED_NEWEST);
    }

    private List<String> references(FindInRegister query) {
        return queries.register(query, 0, 20).items().stream().map(PetitionView::reference).toList();
    }

    @Test
    void words_of_the_summary_find_a_petition_with_or_without_their_diacritics() {
        assertThat(references(find("ranh giới", EVERY_KIND))).containsExactly("2024-0001");
        assertThat(references(find("ranh gioi", EVERY_KIND))).containsExactly("2024-0001");
        assertThat(references(find("DAT", EVERY_KIND))).containsExactly("2024-0004", "2024-0001");
        assertThat(references(find("đất lò", EVERY_KIND))).as("every word must be there").isEmpty();
    }

    @Test
    void a_reference_finds_its_petition() {
        assertThat(references(find("2024-0003", EVERY_KIND))).containsExactly("2024-0003");
    }

    @Test
    void a_name_finds_the_petitions_of_the_kinds_whose_petitioners_the_reader_may_see() {
        assertThat(references(find("Mật", EVERY_KIND))).containsExactly("2024-0004", "2024-0002");
        assertThat(references(find("Lê Thị Mật", BUT_DENUNCIATIONS))).as("a denunciator's name, for an inspector")
                .isEmpty();
        assertThat(references(find("mat", BUT_DENUNCIATIONS))).containsExactly("2024-0004");
        assertThat(references(find("Ánh", Set.of()))).as("no names searched at all").isEmpty();
    }

    @Test
    void filters_narrow_the_register_and_combine() {
        FindInRegister all = find(null, EVERY_KIND);
        assertThat(references(new FindInRegister(null, EVERY_KIND, null, null, null, "Đất đai", "Thôn Tây", null, null,
                null, all.order()))).containsExactly("2024-0004");
        assertThat(references(new FindInRegister(null, EVERY_KIND, PetitionStatus.RESOLVED, null, null, null, null,
                null, null, null, all.order()))).containsExactly("2024-0001");
        assertThat(references(new FindInRegister(null, EVERY_KIND, null, PetitionKind.FEEDBACK, Channel.ONLINE, null,
                null, null, null, null, all.order()))).containsExactly("2024-0003");
        assertThat(references(new FindInRegister(null, EVERY_KIND, null, null, null, null, null, day(1, 11), day(2, 1),
                null, all.order()))).containsExactly("2024-0003", "2024-0002");
        assertThat(references(new FindInRegister(null, EVERY_KIND, null, null, null, null, null, null, null,
                day(2, 21), all.order()))).as("open and past due on 21/02").containsExactly("2024-0003", "2024-0002");
    }

    @Test
    void the_register_is_sorted_by_due_date_either_way() {
        FindInRegister soonest = new FindInRegister(null, EVERY_KIND, null, null, null, null, null, null, null, null,
                FindInRegister.Order.DUE_SOONEST);
        assertThat(references(soonest)).containsExactly("2024-0001", "2024-0002", "2024-0003", "2024-0004");
        FindInRegister latest = new FindInRegister(null, EVERY_KIND, null, null, null, null, null, null, null, null,
                FindInRegister.Order.DUE_LATEST);
        assertThat(references(latest)).containsExactly("2024-0004", "2024-0003", "2024-0002", "2024-0001");
    }

    @Test
    void pages_say_how_many_match_and_whether_another_follows() {
        RegisterPage first = queries.register(find(null, EVERY_KIND), 0, 3);
        assertThat(first.items()).hasSize(3);
        assertThat(first.matching()).isEqualTo(4);
        assertThat(first.matchingCapped()).isFalse();
        assertThat(first.hasNext()).isTrue();
        RegisterPage second = queries.register(find(null, EVERY_KIND), 1, 3);
        assertThat(second.items()).extracting(PetitionView::reference).containsExactly("2024-0001");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void the_count_stops_at_its_bound() {
        for (int n = 0; n < PetitionViewQueries.REGISTER_COUNTED + 5; n++) {
            receive(String.format("%05d", n), day(3, 1), PetitionKind.FEEDBACK, Channel.ONLINE, "Giao thông", null,
                    "Đường hỏng", null, day(3, 20));
        }
        RegisterPage page = queries.register(find("đường", EVERY_KIND), 0, 25);
        assertThat(page.matching()).isEqualTo(PetitionViewQueries.REGISTER_COUNTED);
        assertThat(page.matchingCapped()).isTrue();
        assertThat(queries.registerRows(find("đường", EVERY_KIND), 10_000)).hasSize(PetitionViewQueries.REGISTER_COUNTED + 5);
    }

    /**
     * Words that few petitions hold are found through the text indexes (petition_view_matching); words
     * that the planner expects more than COMMON_WORDS to hold, along the register's order.
     */
    @Test
    void words_that_most_petitions_hold_are_found_along_the_registers_order() {
        int copies = 2 * (int) PetitionViewQueries.COMMON_WORDS;
        database.jdbc().sql("""
                        INSERT INTO petition_view
                        SELECT (jsonb_populate_record(NULL::petition_view, to_jsonb(p)
                                || jsonb_build_object('id', 'c' || g, 'reference', '2023-' || g))).*
                          FROM petition_view p, generate_series(1, :copies) g WHERE p.id = '0003'
                        """).param("copies", copies).update();
        // As autovacuum leaves it: the planner's statistics say how common a word is.
        database.jdbc().sql("ANALYZE petition_view").update();
        RegisterPage common = queries.register(find("ô nhiễm", EVERY_KIND), 0, 25);
        assertThat(common.matching()).isEqualTo(PetitionViewQueries.REGISTER_COUNTED);
        assertThat(common.matchingCapped()).isTrue();
        assertThat(common.items()).hasSize(25).allSatisfy(p -> assertThat(p.summary()).contains("ô nhiễm"));
        assertThat(queries.registerRows(find("ô nhiễm", EVERY_KIND), 30_000)).hasSize(copies + 1);
        // A rare word among them is still found through the indexes, and names only in the kinds allowed.
        assertThat(references(find("mat", EVERY_KIND))).containsExactly("2024-0004", "2024-0002");
        assertThat(references(find("mat", BUT_DENUNCIATIONS))).containsExactly("2024-0004");
    }

    @Test
    void the_choices_of_field_and_ward_are_every_value_once_in_order() {
        assertThat(queries.fields(100)).containsExactly("Môi trường", "Xây dựng", "Đất đai");
        assertThat(queries.wards(100)).containsExactly("Thôn Tây", "Thôn Đông");
        assertThat(queries.fields(2)).hasSize(2);
    }
}
