package vn.commune.petition.projections.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.petition.AdvisoryCouncilConsulted;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.DialogueHeld;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.projections.ClosingSteps;
import vn.commune.petition.projections.ProjectionDatabase;
import vn.commune.petition.projections.commune.EventCommune;
import vn.commune.petition.projections.petition.PetitionView.Step;

/** The petition view, kept from events handed to the projection and read back through its queries. */
class PetitionViewProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final LocalDate RECEIVED_ON = LocalDate.of(2024, 3, 7);
    private static final Petitioner ANH = new Petitioner(
            "Nguyễn Văn Ánh", "Số 12, Thôn Đông, xã Hòa Bình", "001088000123", "0912345678");
    private static final Petitioner HUONG = new Petitioner(
            "Trần Thị Hường", "Thôn Đông, xã Hòa Bình", null, null);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PetitionViewProjection projection = new PetitionViewProjection(database.writes(), json,
            new EventCommune("10105"));
    private final PetitionViewQueries queries = new PetitionViewQueries(database.jdbc(), json);

    @Test
    void a_received_petition_is_shown_as_received_with_everything_it_came_in_with() {
        projection.on(new PetitionReceived("p-1", "2024/0007", RECEIVED_ON, Channel.RECEPTION_SESSION,
                PetitionKind.COMPLAINT, "Đất đai", "Tranh chấp ranh giới đất", List.of(ANH, HUONG),
                "Thôn Đông", "session-2024-03-07", null, null, List.of(), null, null), 0, null);

        assertThat(queries.find("p-1")).hasValue(new PetitionView(
                "p-1", "2024/0007", PetitionStatus.RECEIVED, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION,
                "Đất đai", "Thôn Đông", "Tranh chấp ranh giới đất", "session-2024-03-07",
                RECEIVED_ON, null, null, null, null, null, 0,
                List.of(ANH, HUONG), List.of(), null,
                List.of(new Step("PetitionReceived", RECEIVED_ON)), "10105"));
    }

    @Test
    void vietnamese_text_reads_back_exactly_as_it_was_written() {
        String summary = "Ông Nguyễn Văn Ánh đề nghị xác định lại ranh giới thửa đất số 245, tờ bản đồ số 7; "
                + "hộ bà Trần Thị Hường đã xây tường rào lấn sang khoảng 1,5 m².";
        projection.on(new PetitionReceived("p-1", "2024/0007", RECEIVED_ON, Channel.IN_PERSON,
                PetitionKind.COMPLAINT, "Đất đai", summary, List.of(ANH, HUONG), "Thôn Đông", null, null, null, List.of(), null, null), 0, null);

        PetitionView view = queries.find("p-1").orElseThrow();

        assertThat(view.field()).isEqualTo("Đất đai");
        assertThat(view.ward()).isEqualTo("Thôn Đông");
        assertThat(view.summary()).isEqualTo(summary);
        assertThat(view.petitioners()).extracting(Petitioner::fullName)
                .containsExactly("Nguyễn Văn Ánh", "Trần Thị Hường");
        assertThat(view.petitioners().get(0).address()).isEqualTo("Số 12, Thôn Đông, xã Hòa Bình");
        assertThat(queries.list(new ListPetitions(null, null, null, null, 0, 10)).items())
                .extracting(PetitionView::field).containsExactly("Đất đai");
    }

    @Test
    void each_step_is_appended_in_order_with_its_type_and_date_and_only_decisions_change_the_status() {
        LocalDate acceptedOn = RECEIVED_ON.plusDays(1);
        LocalDate mediatedOn = RECEIVED_ON.plusDays(14);
        LocalDate dialogueOn = RECEIVED_ON.plusDays(20);
        LocalDate councilOn = RECEIVED_ON.plusDays(25);
        LocalDate extendedOn = RECEIVED_ON.plusDays(28);
        LocalDate escalatedOn = RECEIVED_ON.plusDays(35);
        projection.on(received("p-1", "2024/0007", RECEIVED_ON, PetitionKind.COMPLAINT), 0, null);

        projection.on(new PetitionAccepted("p-1", acceptedOn, PetitionKind.COMPLAINT, Complexity.COMPLEX, null, "VN-2019", 0, 0), 1);
        assertThat(queries.find("p-1").orElseThrow())
                .extracting(PetitionView::status, PetitionView::closedOn, PetitionView::version)
                .containsExactly(PetitionStatus.ACCEPTED, null, 1L);

        projection.on(new MediationFailed("p-1", mediatedOn, "BB-HG-02", "Không thống nhất"), 2);
        projection.on(new DialogueHeld("p-1", dialogueOn, "BB-ĐT-01"), 3);
        projection.on(new AdvisoryCouncilConsulted("p-1", councilOn, "BB-HĐTV-01"), 4);
        projection.on(new DeadlineExtended("p-1", extendedOn, 15, "Vụ việc phức tạp", 1, null), 5);
        assertThat(queries.find("p-1").orElseThrow())
                .extracting(PetitionView::status, PetitionView::closedOn, PetitionView::version)
                .containsExactly(PetitionStatus.ACCEPTED, null, 5L);

        projection.on(new PetitionEscalated("p-1", escalatedOn, null, "UBND huyện", "Hòa giải không thành"), 6);
        PetitionView view = queries.find("p-1").orElseThrow();
        assertThat(view.status()).isEqualTo(PetitionStatus.ESCALATED);
        assertThat(view.closedOn()).isEqualTo(escalatedOn);
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.steps()).containsExactly(
                new Step("PetitionReceived", RECEIVED_ON),
                new Step("PetitionAccepted", acceptedOn),
                new Step("MediationFailed", mediatedOn),
                new Step("DialogueHeld", dialogueOn),
                new Step("AdvisoryCouncilConsulted", councilOn),
                new Step("DeadlineExtended", extendedOn),
                new Step("PetitionEscalated", escalatedOn));
        assertThat(view.receivedOn()).as("steps never move the receipt date").isEqualTo(RECEIVED_ON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingSteps")
    void each_closing_step_sets_the_status_it_closes_as_and_the_closing_date(PetitionClosed step) {
        LocalDate closedOn = RECEIVED_ON.plusDays(10);
        projection.on(received("p-1", "2024/0007", RECEIVED_ON, PetitionKind.COMPLAINT), 0, null);
        projection.on(new PetitionAccepted("p-1", RECEIVED_ON.plusDays(1), PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0), 1);

        projection.on(step, 2);

        PetitionView view = queries.find("p-1").orElseThrow();
        assertThat(view.status()).isEqualTo(step.closedAs());
        assertThat(view.status().closed()).isTrue();
        assertThat(view.closedOn()).isEqualTo(closedOn);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.steps()).last().isEqualTo(new Step(step.getClass().getSimpleName(), closedOn));
    }

    static List<PetitionClosed> closingSteps() {
        return ClosingSteps.of("p-1", RECEIVED_ON.plusDays(10));
    }

    @Test
    void a_mediation_that_succeeds_is_a_step_and_leaves_the_petition_open() {
        projection.on(received("p-1", "2024/0007", RECEIVED_ON, PetitionKind.COMPLAINT), 0, null);
        projection.on(new PetitionAccepted("p-1", RECEIVED_ON.plusDays(1), PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0), 1);
        projection.on(new MediationSucceeded("p-1", RECEIVED_ON.plusDays(14), "BB-HG-01", null), 2);

        PetitionView view = queries.find("p-1").orElseThrow();
        assertThat(view.status()).isEqualTo(PetitionStatus.ACCEPTED);
        assertThat(view.closedOn()).isNull();
        assertThat(view.steps()).extracting(Step::type)
                .containsExactly("PetitionReceived", "PetitionAccepted", "MediationSucceeded");
    }

    @Test
    void a_redelivered_event_that_was_already_applied_changes_nothing() {
        PetitionReceived received = received("p-1", "2024/0007", RECEIVED_ON, PetitionKind.COMPLAINT);
        PetitionAccepted accepted = new PetitionAccepted("p-1", RECEIVED_ON.plusDays(1), PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0);
        MediationSucceeded mediated = new MediationSucceeded("p-1", RECEIVED_ON.plusDays(14), "BB-HG-01", null);
        PetitionAnswered answered = new PetitionAnswered("p-1", RECEIVED_ON.plusDays(21), "15/TB-UBND", "Đã trả lời");
        projection.on(received, 0, null);
        projection.on(accepted, 1);
        projection.on(mediated, 2);
        projection.on(answered, 3);
        PetitionView applied = queries.find("p-1").orElseThrow();

        projection.on(received, 0, null);
        projection.on(accepted, 1);
        projection.on(mediated, 2);
        projection.on(answered, 3);

        assertThat(queries.find("p-1")).hasValue(applied);
        assertThat(applied.steps()).hasSize(4);
        assertThat(applied.status()).isEqualTo(PetitionStatus.RESOLVED);
    }

    @Test
    void a_petition_that_was_never_received_is_not_found() {
        projection.on(received("p-1", "2024/0007", RECEIVED_ON, PetitionKind.COMPLAINT), 0, null);

        assertThat(queries.find("p-2")).isEmpty();
    }

    @Test
    void the_list_shows_the_newest_received_first_and_by_reference_within_a_day() {
        fivePetitions();
        projection.on(received("p-6", "2024/0006", LocalDate.of(2024, 3, 7), PetitionKind.FEEDBACK), 0, null);

        PetitionPage page = queries.list(new ListPetitions(null, null, null, null, 0, 10));

        assertThat(page.items()).extracting(PetitionView::reference)
                .containsExactly("2024/0005", "2024/0006", "2024/0004", "2024/0003", "2024/0002", "2024/0001");
        assertThat(page.total()).isEqualTo(6);
    }

    @Test
    void the_list_filters_by_status() {
        fivePetitions();

        PetitionPage received = queries.list(new ListPetitions(PetitionStatus.RECEIVED, null, null, null, 0, 10));
        PetitionPage resolved = queries.list(new ListPetitions(PetitionStatus.RESOLVED, null, null, null, 0, 10));
        PetitionPage withdrawn = queries.list(new ListPetitions(PetitionStatus.WITHDRAWN, null, null, null, 0, 10));

        assertThat(received.items()).extracting(PetitionView::id).containsExactly("p-4", "p-3");
        assertThat(received.total()).isEqualTo(2);
        assertThat(resolved.items()).extracting(PetitionView::id).containsExactly("p-1");
        assertThat(withdrawn.items()).isEmpty();
        assertThat(withdrawn.total()).isZero();
    }

    @Test
    void the_list_filters_by_kind() {
        fivePetitions();

        PetitionPage page = queries.list(new ListPetitions(null, PetitionKind.COMPLAINT, null, null, 0, 10));

        assertThat(page.items()).extracting(PetitionView::id).containsExactly("p-5", "p-3", "p-1");
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void the_list_filters_by_receipt_dates_both_inclusive() {
        fivePetitions();

        PetitionPage between = queries.list(new ListPetitions(
                null, null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 7), 0, 10));
        PetitionPage from = queries.list(new ListPetitions(null, null, LocalDate.of(2024, 3, 7), null, 0, 10));
        PetitionPage to = queries.list(new ListPetitions(null, null, null, LocalDate.of(2024, 2, 1), 0, 10));

        assertThat(between.items()).extracting(PetitionView::id).containsExactly("p-4", "p-3", "p-2");
        assertThat(from.items()).extracting(PetitionView::id).containsExactly("p-5", "p-4");
        assertThat(to.items()).extracting(PetitionView::id).containsExactly("p-2", "p-1");
    }

    @Test
    void the_list_filters_combine() {
        fivePetitions();

        PetitionPage page = queries.list(new ListPetitions(
                PetitionStatus.ACCEPTED, PetitionKind.COMPLAINT, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), 0, 10));

        assertThat(page.items()).extracting(PetitionView::id).containsExactly("p-5");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void the_list_pages_through_every_match_and_counts_them_all() {
        fivePetitions();

        PetitionPage first = queries.list(new ListPetitions(null, null, null, null, 0, 2));
        PetitionPage second = queries.list(new ListPetitions(null, null, null, null, 1, 2));
        PetitionPage last = queries.list(new ListPetitions(null, null, null, null, 2, 2));
        PetitionPage beyond = queries.list(new ListPetitions(null, null, null, null, 3, 2));

        assertThat(first.items()).extracting(PetitionView::id).containsExactly("p-5", "p-4");
        assertThat(second.items()).extracting(PetitionView::id).containsExactly("p-3", "p-2");
        assertThat(last.items()).extracting(PetitionView::id).containsExactly("p-1");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).extracting(PetitionPage::total).containsOnly(5L);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void a_page_of_a_filtered_list_counts_only_the_matches() {
        fivePetitions();

        PetitionPage page = queries.list(new ListPetitions(null, PetitionKind.COMPLAINT, null, null, 1, 2));

        assertThat(page.items()).extracting(PetitionView::id).containsExactly("p-1");
        assertThat(page.total()).isEqualTo(3);
    }

    /**
     * p-1 Jan 4 complaint resolved; p-2 Feb 1 recommendation accepted; p-3 Feb 15 complaint received;
     * p-4 Mar 7 feedback received; p-5 Mar 21 complaint accepted.
     */
    private void fivePetitions() {
        projection.on(received("p-1", "2024/0001", LocalDate.of(2024, 1, 4), PetitionKind.COMPLAINT), 0, null);
        projection.on(new PetitionAccepted("p-1", LocalDate.of(2024, 1, 5), PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0), 1);
        projection.on(new PetitionAnswered("p-1", LocalDate.of(2024, 1, 25), "3/TB-UBND", "Đã trả lời"), 2);
        projection.on(received("p-2", "2024/0002", LocalDate.of(2024, 2, 1), PetitionKind.RECOMMENDATION), 0, null);
        projection.on(new PetitionAccepted("p-2", LocalDate.of(2024, 2, 2), PetitionKind.RECOMMENDATION, Complexity.NORMAL, null, "VN-2019", 0, 0), 1);
        projection.on(received("p-3", "2024/0003", LocalDate.of(2024, 2, 15), PetitionKind.COMPLAINT), 0, null);
        projection.on(received("p-4", "2024/0004", LocalDate.of(2024, 3, 7), PetitionKind.FEEDBACK), 0, null);
        projection.on(received("p-5", "2024/0005", LocalDate.of(2024, 3, 21), PetitionKind.COMPLAINT), 0, null);
        projection.on(new PetitionAccepted("p-5", LocalDate.of(2024, 3, 22), PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0), 1);
    }

    private static PetitionReceived received(String id, String reference, LocalDate on, PetitionKind kind) {
        return new PetitionReceived(id, reference, on, Channel.RECEPTION_SESSION, kind, "Đất đai",
                "Tranh chấp ranh giới đất", List.of(ANH), "Thôn Đông", null, null, null, List.of(), null, null);
    }
}
