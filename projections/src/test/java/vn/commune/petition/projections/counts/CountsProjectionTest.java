package vn.commune.petition.projections.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.DeadlineExtended;
import vn.commune.petition.domain.petition.MediationFailed;
import vn.commune.petition.domain.petition.MediationSucceeded;
import vn.commune.petition.domain.petition.PetitionAccepted;
import vn.commune.petition.domain.petition.PetitionAnswered;
import vn.commune.petition.domain.petition.PetitionArchived;
import vn.commune.petition.domain.petition.PetitionClosed;
import vn.commune.petition.domain.petition.PetitionEscalated;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionForwarded;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionReceived;
import vn.commune.petition.domain.petition.PetitionRejected;
import vn.commune.petition.domain.petition.PetitionWithdrawn;
import vn.commune.petition.domain.petition.Petitioner;
import vn.commune.petition.domain.petition.PetitionerGuided;
import vn.commune.petition.domain.petition.ResolutionResumed;
import vn.commune.petition.domain.petition.ResolutionSuspended;
import vn.commune.petition.projections.ClosingSteps;
import vn.commune.petition.projections.ProjectionDatabase;
import vn.commune.petition.projections.commune.EventCommune;

/** The counts for a period, as PRODUCT.md defines them, from events handed to the projection. */
class CountsProjectionTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private static final Instant STORED_AT = Instant.parse("2024-07-01T01:00:00Z");
    private static final Duration LAG = Duration.ofSeconds(2);

    private static final LocalDate FEB_1 = LocalDate.of(2024, 2, 1);
    private static final LocalDate FEB_29 = LocalDate.of(2024, 2, 29);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountsProjection projection = new CountsProjection(
            database.writes(), Clock.fixed(STORED_AT.plus(LAG), ZoneOffset.UTC), meters,
            new EventCommune("10105"));
    private final CountsQueries queries = new CountsQueries(database.jdbc());

    @Test
    void an_empty_projection_counts_zero_for_any_period() {
        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(counts.from()).isEqualTo(FEB_1);
        assertThat(counts.to()).isEqualTo(FEB_29);
        assertThat(figures(counts)).isEqualTo(zerosBut());
        assertNoBreakdowns(counts);
    }

    @Test
    void a_period_between_petitions_counts_zero_everywhere() {
        deliver(petition(received("closed-in-january", LocalDate.of(2024, 1, 4)),
                accepted("closed-in-january", LocalDate.of(2024, 1, 5)),
                mediationSucceeded("closed-in-january", LocalDate.of(2024, 1, 18)),
                answered("closed-in-january", LocalDate.of(2024, 1, 31))));
        deliver(petition(received("received-in-march", LocalDate.of(2024, 3, 1)),
                accepted("received-in-march", LocalDate.of(2024, 3, 1)),
                mediationFailed("received-in-march", LocalDate.of(2024, 3, 14))));

        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(figures(counts)).isEqualTo(zerosBut());
        assertNoBreakdowns(counts);
    }

    @Test
    void a_petition_received_before_the_period_and_closed_inside_it_is_carried_over_and_resolved() {
        deliver(petition(received("p", LocalDate.of(2024, 1, 18)),
                accepted("p", LocalDate.of(2024, 1, 19)),
                answered("p", LocalDate.of(2024, 2, 15))));

        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(figures(counts)).isEqualTo(zerosBut("carriedOver", 1, "resolved", 1));
        assertNoBreakdowns(counts);
    }

    @Test
    void a_petition_closed_after_the_period_is_open_at_its_end_and_carried_over_into_the_next() {
        deliver(petition(received("p", LocalDate.of(2024, 2, 15)),
                accepted("p", LocalDate.of(2024, 2, 16)),
                answered("p", LocalDate.of(2024, 3, 7))));

        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("received", 1, "accepted", 1, "openAtEnd", 1));
        assertThat(figures(queries.count(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))))
                .isEqualTo(zerosBut("carriedOver", 1, "resolved", 1));
    }

    @Test
    void a_petition_received_on_the_first_day_is_received_in_the_period_not_carried_over() {
        deliver(petition(received("p", FEB_1)));

        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("received", 1, "openAtEnd", 1));
    }

    @Test
    void a_petition_received_on_the_last_day_is_received_and_open_at_the_end() {
        deliver(petition(received("p", FEB_29)));

        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("received", 1, "openAtEnd", 1));
        assertThat(figures(queries.count(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))))
                .isEqualTo(zerosBut("carriedOver", 1, "openAtEnd", 1));
    }

    @Test
    void a_petition_closed_on_the_last_day_is_closed_in_the_period_and_not_open_at_its_end() {
        deliver(petition(received("p", FEB_1), archived("p", FEB_29)));

        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("received", 1, "archived", 1));
    }

    @Test
    void a_petition_closed_on_the_first_day_was_still_open_at_the_start_and_is_carried_over() {
        deliver(petition(received("closed-on-the-first", LocalDate.of(2024, 1, 25)),
                withdrawn("closed-on-the-first", FEB_1)));
        deliver(petition(received("closed-the-day-before", LocalDate.of(2024, 1, 25)),
                withdrawn("closed-the-day-before", LocalDate.of(2024, 1, 31))));

        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("carriedOver", 1, "withdrawn", 1));
    }

    @Test
    void a_period_of_one_day_counts_what_happened_on_that_day() {
        LocalDate day = LocalDate.of(2024, 2, 15);
        deliver(petition(received("p", day), accepted("p", day), guided("p", day)));

        assertThat(figures(queries.count(day, day)))
                .isEqualTo(zerosBut("received", 1, "accepted", 1, "guided", 1));
    }

    @Test
    void each_kind_of_closure_is_counted_by_its_closing_date() {
        LocalDate receivedOn = LocalDate.of(2024, 1, 11);
        for (LocalDate closedOn : List.of(LocalDate.of(2024, 2, 22), LocalDate.of(2024, 3, 7))) {
            String suffix = "-" + closedOn;
            deliver(petition(received("answered" + suffix, receivedOn), answered("answered" + suffix, closedOn)));
            deliver(petition(received("escalated" + suffix, receivedOn), escalated("escalated" + suffix, closedOn)));
            deliver(petition(received("forwarded" + suffix, receivedOn), forwarded("forwarded" + suffix, closedOn)));
            deliver(petition(received("guided" + suffix, receivedOn), guided("guided" + suffix, closedOn)));
            deliver(petition(received("rejected" + suffix, receivedOn), rejected("rejected" + suffix, closedOn)));
            deliver(petition(received("archived" + suffix, receivedOn), archived("archived" + suffix, closedOn)));
            deliver(petition(received("withdrawn" + suffix, receivedOn), withdrawn("withdrawn" + suffix, closedOn)));
        }

        assertThat(figures(queries.count(FEB_1, FEB_29))).isEqualTo(zerosBut(
                "carriedOver", 14,
                "resolved", 1, "escalated", 1, "forwarded", 1, "guided", 1,
                "rejected", 1, "archived", 1, "withdrawn", 1,
                "openAtEnd", 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingSteps")
    void each_closing_step_is_counted_under_the_figure_of_the_status_it_closes_as(PetitionClosed step) {
        deliver(petition(received(step.petitionId(), LocalDate.of(2024, 1, 11)), step));

        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(figures(counts)).isEqualTo(zerosBut(
                "carriedOver", 1, step.closedAs().name().toLowerCase(Locale.ROOT), 1));
        assertThat(queries.countKnownAt(FEB_1, FEB_29, STORED_AT)).isEqualTo(counts);
    }

    /** Luật 136/2025/QH15: the days a complaint's resolution is suspended do not count. */
    @Test
    void a_suspended_complaint_is_not_overdue_and_its_resumption_moves_the_deadline_it_is_judged_against() {
        LocalDate dueOn = LocalDate.of(2026, 8, 7);
        for (String id : List.of("resumed", "suspended")) {
            List<PetitionEvent> life = new java.util.ArrayList<>(List.of(
                    received(id, LocalDate.of(2026, 7, 7), PetitionKind.COMPLAINT, Channel.POST, "Đất đai", "Khu 3"),
                    new PetitionAccepted(id, LocalDate.of(2026, 7, 8), PetitionKind.COMPLAINT, Complexity.NORMAL, dueOn,
                            "VN-2019", 0, 0),
                    new ResolutionSuspended(id, LocalDate.of(2026, 7, 20), "Chờ kết quả giám định")));
            if (id.equals("resumed")) {
                life.add(new ResolutionResumed(id, LocalDate.of(2026, 7, 30), 10, LocalDate.of(2026, 8, 17)));
                life.add(answered(id, LocalDate.of(2026, 8, 17)));
            }
            deliver(petition(life.toArray(PetitionEvent[]::new)));
        }

        PetitionCounts august = queries.count(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31));

        assertThat(august.openAtEnd()).as("the suspended complaint is open").isEqualTo(1);
        assertThat(august.overdueAtEnd()).as("but its clock is stopped").isZero();
        assertThat(august.resolved()).isEqualTo(1);
        assertThat(august.closedOnTime()).as("answered on the deadline moved by ten days").isEqualTo(1);
        assertThat(august.closedLate()).isZero();
        assertThat(queries.countKnownAt(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31), STORED_AT))
                .isEqualTo(august);
    }

    static List<PetitionClosed> closingSteps() {
        return ClosingSteps.of("p", LocalDate.of(2024, 2, 22));
    }

    @Test
    void each_closure_is_early_on_time_or_late_against_the_deadline_that_governed_it_when_it_closed() {
        LocalDate dueOn = LocalDate.of(2024, 2, 15);
        Map<String, LocalDate> closedOn = Map.of("early", dueOn.minusDays(1), "on-time", dueOn,
                "late", dueOn.plusDays(1), "very-late", dueOn.plusDays(9));
        // Each deadline was extended to the 15th: before, every closure would have been late.
        closedOn.forEach((id, on) -> deliver(petition(received(id, LocalDate.of(2024, 1, 11)),
                new PetitionAccepted(id, LocalDate.of(2024, 1, 12), PetitionKind.COMPLAINT, Complexity.NORMAL,
                        dueOn.minusDays(10), "VN-2019", 1, 30),
                new DeadlineExtended(id, LocalDate.of(2024, 1, 13), 10, "Phức tạp", 1, dueOn),
                answered(id, on))));

        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(List.of(counts.closedEarly(), counts.closedOnTime(), counts.closedLate()))
                .containsExactly(1L, 1L, 2L);
        assertThat(queries.countKnownAt(FEB_1, FEB_29, STORED_AT)).isEqualTo(counts);
        assertThat(closedOn.values().stream().map(on -> Timeliness.of(on, dueOn)))
                .containsExactlyInAnyOrder(Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE, Timeliness.LATE);
    }

    @Test
    void acceptance_is_counted_by_its_own_date_not_the_day_of_receipt() {
        deliver(petition(received("p", LocalDate.of(2024, 1, 31)), accepted("p", FEB_1)));

        assertThat(figures(queries.count(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))))
                .isEqualTo(zerosBut("received", 1, "openAtEnd", 1));
        assertThat(figures(queries.count(FEB_1, FEB_29)))
                .isEqualTo(zerosBut("carriedOver", 1, "accepted", 1, "openAtEnd", 1));
    }

    @Test
    void mediations_are_counted_by_the_day_they_were_held_each_one_of_them() {
        deliver(petition(received("two-mediations", LocalDate.of(2024, 1, 11)),
                accepted("two-mediations", LocalDate.of(2024, 1, 12)),
                mediationFailed("two-mediations", LocalDate.of(2024, 1, 31)),
                mediationFailed("two-mediations", FEB_1),
                mediationSucceeded("two-mediations", FEB_29)));
        deliver(petition(received("mediated-in-march", LocalDate.of(2024, 2, 15)),
                mediationSucceeded("mediated-in-march", LocalDate.of(2024, 3, 1))));

        assertThat(figures(queries.count(FEB_1, FEB_29))).isEqualTo(zerosBut(
                "received", 1, "carriedOver", 1,
                "mediationSucceeded", 1, "mediationFailed", 1,
                "openAtEnd", 2));
    }

    @Test
    void breakdowns_are_of_the_petitions_received_in_the_period_most_frequent_first() {
        deliver(petition(received("before", LocalDate.of(2024, 1, 25),
                PetitionKind.DENUNCIATION, Channel.POST, "Cán bộ", "Thôn Bắc")));
        deliver(petition(received("a", LocalDate.of(2024, 2, 1),
                PetitionKind.FEEDBACK, Channel.ONLINE, "Môi trường", "Thôn Tây")));
        deliver(petition(received("b", LocalDate.of(2024, 2, 8),
                PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Đông")));
        deliver(petition(received("c", LocalDate.of(2024, 2, 15),
                PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Đông")));
        deliver(petition(received("d", LocalDate.of(2024, 2, 29),
                PetitionKind.COMPLAINT, Channel.IN_PERSON, "Đất đai", null)));
        deliver(petition(received("after", LocalDate.of(2024, 3, 1),
                PetitionKind.DENUNCIATION, Channel.POST, "Cán bộ", "Thôn Bắc")));

        PetitionCounts counts = queries.count(FEB_1, FEB_29);

        assertThat(counts.byKind().entrySet())
                .containsExactly(entry("COMPLAINT", 3L), entry("FEEDBACK", 1L));
        assertThat(counts.byChannel().entrySet())
                .containsExactly(entry("RECEPTION_SESSION", 2L), entry("IN_PERSON", 1L), entry("ONLINE", 1L));
        assertThat(counts.byField().entrySet())
                .containsExactly(entry("Đất đai", 3L), entry("Môi trường", 1L));
        assertThat(counts.byWard().entrySet())
                .as("a petition without a ward is counted under an empty name")
                .containsExactly(entry("Thôn Đông", 2L), entry("", 1L), entry("Thôn Tây", 1L));
    }

    @Test
    void the_towns_first_half_of_2024_counts_11_received_9_resolved_2_escalated_none_open() {
        deliver(firstHalfOf2024());

        PetitionCounts counts = queries.count(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));

        assertThat(figures(counts)).isEqualTo(zerosBut(
                "received", 11, "accepted", 11,
                "resolved", 9, "escalated", 2,
                "mediationSucceeded", 9, "mediationFailed", 2));
        assertThat(counts.byKind())
                .isEqualTo(Map.of("COMPLAINT", 6L, "RECOMMENDATION", 3L, "FEEDBACK", 2L));
        assertThat(counts.byChannel())
                .isEqualTo(Map.of("RECEPTION_SESSION", 8L, "MAILBOX", 1L, "IN_PERSON", 1L, "ONLINE", 1L));
        assertThat(counts.byField())
                .isEqualTo(Map.of("Đất đai", 6L, "Môi trường", 2L, "Trật tự đô thị", 2L, "Chính sách xã hội", 1L));
        assertThat(counts.byWard())
                .isEqualTo(Map.of("Thôn Đông", 4L, "Thôn Tây", 4L, "Thôn Nam", 3L));
    }

    @Test
    void the_towns_quarters_of_2024_add_up_to_its_first_half() {
        deliver(firstHalfOf2024());

        PetitionCounts first = queries.count(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
        PetitionCounts second = queries.count(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30));

        assertThat(figures(first)).isEqualTo(zerosBut(
                "received", 6, "accepted", 6,
                "resolved", 4, "escalated", 1,
                "mediationSucceeded", 4, "mediationFailed", 1,
                "openAtEnd", 1));
        assertThat(figures(second)).isEqualTo(zerosBut(
                "received", 5, "carriedOver", 1, "accepted", 5,
                "resolved", 5, "escalated", 1,
                "mediationSucceeded", 5, "mediationFailed", 1));
    }

    @Test
    void replaying_the_first_half_of_2024_a_second_time_counts_every_petition_and_mediation_once() {
        List<Stored> events = firstHalfOf2024();
        deliver(events);
        deliver(events);

        PetitionCounts counts = queries.count(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));

        assertThat(figures(counts)).isEqualTo(zerosBut(
                "received", 11, "accepted", 11,
                "resolved", 9, "escalated", 2,
                "mediationSucceeded", 9, "mediationFailed", 2));
        assertThat(counts.byKind())
                .isEqualTo(Map.of("COMPLAINT", 6L, "RECOMMENDATION", 3L, "FEEDBACK", 2L));
        assertThat(counts.byWard())
                .isEqualTo(Map.of("Thôn Đông", 4L, "Thôn Tây", 4L, "Thôn Nam", 3L));
    }

    @Test
    void redelivering_every_event_again_in_reverse_order_changes_no_count() {
        List<Stored> events = firstHalfOf2024();
        deliver(events);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 6, 30);
        PetitionCounts once = queries.count(from, to);

        List<Stored> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        deliver(reversed);

        assertThat(queries.count(from, to)).isEqualTo(once);
        assertThat(figures(once)).isEqualTo(zerosBut(
                "received", 11, "accepted", 11,
                "resolved", 9, "escalated", 2,
                "mediationSucceeded", 9, "mediationFailed", 2));
    }

    @Test
    void a_redelivered_mediation_counts_once() {
        List<Stored> events = petition(received("p", FEB_1), mediationSucceeded("p", LocalDate.of(2024, 2, 15)));
        deliver(events);
        deliver(events.get(1));

        assertThat(queries.count(FEB_1, FEB_29).mediationSucceeded()).isEqualTo(1);
    }

    @Test
    void reset_forgets_every_fact_so_that_a_replay_rebuilds_the_same_counts() {
        List<Stored> events = firstHalfOf2024();
        deliver(events);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 6, 30);
        PetitionCounts before = queries.count(from, to);

        projection.reset();

        PetitionCounts afterReset = queries.count(from, to);
        assertThat(figures(afterReset)).isEqualTo(zerosBut());
        assertNoBreakdowns(afterReset);

        deliver(events);
        assertThat(queries.count(from, to)).isEqualTo(before);
    }

    @Test
    void every_handled_event_is_timed_on_the_counts_lag_timer() {
        deliver(petition(received("p", FEB_1), accepted("p", FEB_1),
                mediationFailed("p", FEB_1), escalated("p", FEB_1)));

        Timer lag = meters.get("petition.projection.lag").tag("projection", "counts").timer();
        assertThat(lag.count()).isEqualTo(4);
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isEqualTo(LAG.toMillis());
    }

    // --- the town's first half of 2024 ---

    /** One petition of the town: received on a Thursday, mediated two weeks later, closed the week after. */
    private record TownPetition(int month, int day, PetitionKind kind, Channel channel, String field,
            String ward, boolean settled) {
    }

    /**
     * Eleven petitions received on Thursdays from January to June 2024, all accepted the next day;
     * nine settled at mediation and then answered in writing, two failed mediation and escalated.
     */
    private static List<Stored> firstHalfOf2024() {
        List<TownPetition> town = List.of(
                new TownPetition(1, 4, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Đông", true),
                new TownPetition(1, 18, PetitionKind.RECOMMENDATION, Channel.RECEPTION_SESSION, "Môi trường", "Thôn Tây", true),
                new TownPetition(2, 1, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Nam", true),
                new TownPetition(2, 15, PetitionKind.FEEDBACK, Channel.MAILBOX, "Trật tự đô thị", "Thôn Đông", true),
                new TownPetition(3, 7, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Tây", false),
                new TownPetition(3, 21, PetitionKind.RECOMMENDATION, Channel.IN_PERSON, "Chính sách xã hội", "Thôn Đông", true),
                new TownPetition(4, 4, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Nam", true),
                new TownPetition(4, 18, PetitionKind.RECOMMENDATION, Channel.RECEPTION_SESSION, "Môi trường", "Thôn Tây", true),
                new TownPetition(5, 9, PetitionKind.FEEDBACK, Channel.ONLINE, "Trật tự đô thị", "Thôn Đông", true),
                new TownPetition(5, 23, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Nam", true),
                new TownPetition(6, 6, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Tây", false));
        List<Stored> events = new ArrayList<>();
        for (int i = 0; i < town.size(); i++) {
            TownPetition p = town.get(i);
            String id = "town-2024-" + (i + 1);
            LocalDate receivedOn = LocalDate.of(2024, p.month(), p.day());
            assertThat(receivedOn.getDayOfWeek()).as("petitions come in on Thursdays").isEqualTo(DayOfWeek.THURSDAY);
            LocalDate mediatedOn = receivedOn.plusWeeks(2);
            LocalDate closedOn = receivedOn.plusWeeks(3);
            events.addAll(petition(
                    received(id, receivedOn, p.kind(), p.channel(), p.field(), p.ward()),
                    new PetitionAccepted(id, receivedOn.plusDays(1), p.kind(), Complexity.NORMAL, null, "VN-2019", 0, 0),
                    p.settled() ? mediationSucceeded(id, mediatedOn) : mediationFailed(id, mediatedOn),
                    p.settled() ? answered(id, closedOn) : escalated(id, closedOn)));
        }
        return events;
    }

    // --- delivering events the way the tracking processor does ---

    /** An event as the event store hands it over: with its sequence in the petition's stream. */
    private record Stored(PetitionEvent event, long sequence) {
    }

    @Test
    void counts_known_at_a_moment_leave_out_what_was_typed_in_later() {
        LocalDate jan4 = LocalDate.of(2024, 1, 4);
        Instant monday = Instant.parse("2024-01-08T03:00:00Z");
        Instant march = Instant.parse("2024-03-01T03:00:00Z");
        projection.on(received("late", jan4), 0, monday, null);
        projection.on(accepted("late", jan4.plusDays(1)), 1, monday, null);
        // The written answer of 20 January was only typed in on 1 March.
        projection.on(answered("late", LocalDate.of(2024, 1, 20)), 2, march, null);

        PetitionCounts then = queries.countKnownAt(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(then.received()).isEqualTo(1);
        assertThat(then.accepted()).isEqualTo(1);
        assertThat(then.resolved()).isZero();
        assertThat(then.openAtEnd()).isEqualTo(1);

        PetitionCounts now = queries.count(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
        assertThat(now.resolved()).isEqualTo(1);
        assertThat(now.openAtEnd()).isZero();
        PetitionCounts knownNow = queries.countKnownAt(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(knownNow).isEqualTo(now);

        PetitionCounts before = queries.countKnownAt(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(before.received()).isZero();
    }

    /** One petition's stream: its events numbered from 0, as Axon numbers an aggregate's events. */
    private static List<Stored> petition(PetitionEvent... events) {
        List<Stored> stream = new ArrayList<>();
        for (PetitionEvent event : events) {
            stream.add(new Stored(event, stream.size()));
        }
        return stream;
    }

    private void deliver(List<Stored> events) {
        events.forEach(this::deliver);
    }

    private void deliver(Stored stored) {
        PetitionEvent event = stored.event();
        if (event instanceof PetitionReceived e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof PetitionAccepted e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof DeadlineExtended e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof MediationSucceeded e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof MediationFailed e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof ResolutionSuspended e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof ResolutionResumed e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else if (event instanceof PetitionClosed e) {
            projection.on(e, stored.sequence(), STORED_AT, null);
        } else {
            throw new IllegalArgumentException("The counts projection has no handler for " + event);
        }
    }

    // --- events ---

    private static PetitionReceived received(String id, LocalDate on) {
        return received(id, on, PetitionKind.COMPLAINT, Channel.RECEPTION_SESSION, "Đất đai", "Thôn Đông");
    }

    private static PetitionReceived received(String id, LocalDate on, PetitionKind kind, Channel channel,
            String field, String ward) {
        return new PetitionReceived(id, "ref-" + id, on, channel, kind, field, "Tranh chấp ranh giới đất",
                List.of(new Petitioner("Nguyễn Văn Ánh", "Thôn Đông", "001088000123", "0912345678")), ward, null, null, null, List.of(), null, null);
    }

    private static PetitionAccepted accepted(String id, LocalDate on) {
        return new PetitionAccepted(id, on, PetitionKind.COMPLAINT, Complexity.NORMAL, null, "VN-2019", 0, 0);
    }

    private static MediationSucceeded mediationSucceeded(String id, LocalDate on) {
        return new MediationSucceeded(id, on, "BB-HG-01", "Hai bên đã thống nhất ranh giới");
    }

    private static MediationFailed mediationFailed(String id, LocalDate on) {
        return new MediationFailed(id, on, "BB-HG-02", "Hai bên không thống nhất");
    }

    private static PetitionAnswered answered(String id, LocalDate on) {
        return new PetitionAnswered(id, on, "15/TB-UBND", "Trả lời bằng văn bản");
    }

    private static PetitionEscalated escalated(String id, LocalDate on) {
        return new PetitionEscalated(id, on, null, "UBND huyện", "Hòa giải không thành");
    }

    private static PetitionForwarded forwarded(String id, LocalDate on) {
        return new PetitionForwarded(id, on, "Công an huyện", "Không thuộc thẩm quyền");
    }

    private static PetitionerGuided guided(String id, LocalDate on) {
        return new PetitionerGuided(id, on, "Tòa án nhân dân huyện");
    }

    private static PetitionRejected rejected(String id, LocalDate on) {
        return new PetitionRejected(id, on, "Đã có quyết định giải quyết có hiệu lực");
    }

    private static PetitionArchived archived(String id, LocalDate on) {
        return new PetitionArchived(id, on, "Đơn trùng nội dung");
    }

    private static PetitionWithdrawn withdrawn(String id, LocalDate on) {
        return new PetitionWithdrawn(id, on, "Công dân tự nguyện rút đơn");
    }

    // --- expectations ---

    /** Every figure of the period by name, so that a failure says which figure is wrong. */
    private static Map<String, Long> figures(PetitionCounts counts) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("received", counts.received());
        figures.put("carriedOver", counts.carriedOver());
        figures.put("accepted", counts.accepted());
        figures.put("resolved", counts.resolved());
        figures.put("escalated", counts.escalated());
        figures.put("forwarded", counts.forwarded());
        figures.put("guided", counts.guided());
        figures.put("rejected", counts.rejected());
        figures.put("archived", counts.archived());
        figures.put("withdrawn", counts.withdrawn());
        figures.put("terminated", counts.terminated());
        figures.put("mediationSucceeded", counts.mediationSucceeded());
        figures.put("mediationFailed", counts.mediationFailed());
        figures.put("openAtEnd", counts.openAtEnd());
        return figures;
    }

    /** Every figure zero but those named, given as name, value, name, value... */
    private static Map<String, Long> zerosBut(Object... namesAndValues) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String name : List.of("received", "carriedOver", "accepted", "resolved", "escalated", "forwarded",
                "guided", "rejected", "archived", "withdrawn", "terminated", "mediationSucceeded", "mediationFailed", "openAtEnd")) {
            figures.put(name, 0L);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (!figures.containsKey(name)) {
                throw new IllegalArgumentException("No such figure: " + name);
            }
            figures.put(name, ((Number) namesAndValues[i + 1]).longValue());
        }
        return figures;
    }

    private static void assertNoBreakdowns(PetitionCounts counts) {
        assertThat(counts.byKind()).isEmpty();
        assertThat(counts.byField()).isEmpty();
        assertThat(counts.byChannel()).isEmpty();
        assertThat(counts.byWard()).isEmpty();
    }
}
