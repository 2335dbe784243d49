package vn.commune.petition.domain.session;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import vn.commune.petition.domain.Breaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.petition.PetitionKind;

/** The reception session: its visits and one test per named rule. */
class ReceptionSessionTest {

    private static final String ID = "5e55a0e0-0000-4000-8000-000000000001";
    private static final LocalDate THURSDAY = LocalDate.of(2024, 1, 4);
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    private static final SessionOpened OPENED = new SessionOpened(ID, THURSDAY, SessionKind.PERIODIC,
            "Chủ tịch UBND thị trấn", true);

    private AggregateTestFixture<ReceptionSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReceptionSession.class);
    }

    private static LogVisit visit(int people, boolean group, Integer representatives, VisitOutcome outcome,
                                  String petitionId, RefusalGround ground) {
        return new LogVisit(ID, "v1", people, group, representatives, false, PetitionKind.RECOMMENDATION,
                "Tranh chấp đất", outcome, petitionId, ground, null);
    }

    private static Matcher<Object> breaks(SessionRule rule) {
        return Breaks.rule(rule);
    }

    @Test
    void a_session_is_opened_on_its_day_with_its_host() {
        fixture.givenNoPriorActivity()
                .when(new OpenSession(ID, THURSDAY, SessionKind.PERIODIC, "Chủ tịch UBND thị trấn", true, TODAY))
                .expectEvents(OPENED);
    }

    @Test
    void visits_are_numbered_in_their_session_and_carry_its_date() {
        fixture.given(OPENED, new VisitLogged(ID, "v0", 1, THURSDAY, 1, false, null, false,
                        PetitionKind.FEEDBACK, "x", VisitOutcome.EXPLAINED, null, null, null))
                .when(visit(1, false, null, VisitOutcome.PETITION_RECEIVED, "p1", null))
                .expectEvents(new VisitLogged(ID, "v1", 2, THURSDAY, 1, false, null, false,
                        PetitionKind.RECOMMENDATION, "Tranh chấp đất", VisitOutcome.PETITION_RECEIVED, "p1", null, null));
    }

    @Test
    void a_group_of_twelve_may_appoint_five_representatives() {
        fixture.given(OPENED)
                .when(visit(12, true, 5, VisitOutcome.GUIDED, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_visit_can_be_refused_on_a_ground_of_article_9() {
        fixture.given(OPENED)
                .when(visit(1, false, null, VisitOutcome.REFUSED, null, RefusalGround.MATTER_ALREADY_RESOLVED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_session_closes_with_its_number_of_visits() {
        fixture.given(OPENED, new VisitLogged(ID, "v0", 1, THURSDAY, 1, false, null, false,
                        PetitionKind.FEEDBACK, "x", VisitOutcome.EXPLAINED, null, null, null))
                .when(new CloseSession(ID))
                .expectEvents(new SessionClosed(ID, THURSDAY, 1));
    }

    @Test
    void a_closed_session_takes_no_more_visits() {
        fixture.given(OPENED, new SessionClosed(ID, THURSDAY, 0))
                .when(visit(1, false, null, VisitOutcome.EXPLAINED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.SESSION_CLOSED));
    }

    @Test
    void a_session_cannot_be_dated_in_the_future() {
        fixture.givenNoPriorActivity()
                .when(new OpenSession(ID, TODAY.plusDays(1), SessionKind.REGULAR, "Cán bộ", false, TODAY))
                .expectNoEvents().expectException(breaks(SessionRule.DATE_IN_FUTURE));
    }

    @Test
    void a_group_delegation_has_at_least_five_people() {
        fixture.given(OPENED)
                .when(visit(4, true, 1, VisitOutcome.EXPLAINED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.GROUP_TOO_SMALL));
    }

    @Test
    void a_group_of_up_to_ten_appoints_at_most_two_representatives() {
        fixture.given(OPENED)
                .when(visit(8, true, 3, VisitOutcome.EXPLAINED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.REPRESENTATIVES_OUT_OF_RANGE));
    }

    @Test
    void a_group_appoints_at_least_one_representative() {
        fixture.given(OPENED)
                .when(visit(8, true, null, VisitOutcome.EXPLAINED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.REPRESENTATIVES_OUT_OF_RANGE));
    }

    @Test
    void a_single_visitor_appoints_no_representatives() {
        fixture.given(OPENED)
                .when(visit(2, false, 1, VisitOutcome.EXPLAINED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.REPRESENTATIVES_WITHOUT_GROUP));
    }

    @Test
    void a_refusal_needs_a_legal_ground_and_only_a_refusal_has_one() {
        fixture.given(OPENED)
                .when(visit(1, false, null, VisitOutcome.REFUSED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.REFUSAL_GROUND_REQUIRED));
        fixture.given(OPENED)
                .when(visit(1, false, null, VisitOutcome.EXPLAINED, null, RefusalGround.INCAPACITATED))
                .expectNoEvents().expectException(breaks(SessionRule.REFUSAL_GROUND_REQUIRED));
    }

    @Test
    void a_received_petition_is_named_and_only_then() {
        fixture.given(OPENED)
                .when(visit(1, false, null, VisitOutcome.PETITION_RECEIVED, null, null))
                .expectNoEvents().expectException(breaks(SessionRule.PETITION_REQUIRED));
        fixture.given(OPENED)
                .when(visit(1, false, null, VisitOutcome.GUIDED, "p1", null))
                .expectNoEvents().expectException(breaks(SessionRule.PETITION_REQUIRED));
    }

    @Test
    void a_closed_session_cannot_be_closed_again() {
        fixture.given(OPENED, new SessionClosed(ID, THURSDAY, 0))
                .when(new CloseSession(ID))
                .expectNoEvents().expectException(breaks(SessionRule.SESSION_CLOSED));
    }

    // Luật 136/2025/QH15 (LawVersion.LAW_136_2025): online reception, the visitor's identity.

    private static final LocalDate SEPTEMBER_2026 = LocalDate.of(2026, 9, 3);
    private static final LocalDate TODAY_2026 = LocalDate.of(2026, 11, 30);
    private static final Visitor VISITOR = new Visitor("Nguyễn Văn An", "Thôn 2, xã Hòa Bình", "001086012345");

    private static LogVisit visitBy(Visitor visitor) {
        return new LogVisit(ID, "v1", 1, false, null, false, PetitionKind.DENUNCIATION, "Tố cáo", VisitOutcome.GUIDED,
                null, null, visitor);
    }

    private static SessionOpened openedOn(LocalDate day, SessionKind kind) {
        return new SessionOpened(ID, day, kind, "Chủ tịch UBND xã", true);
    }

    @Test
    void an_online_session_cannot_be_opened_before_law_136_2025_is_in_force() {
        fixture.givenNoPriorActivity()
                .when(new OpenSession(ID, LocalDate.of(2026, 6, 30), SessionKind.ONLINE, "Cán bộ", false, TODAY_2026))
                .expectNoEvents().expectException(breaks(SessionRule.NOT_YET_IN_FORCE));
    }

    @Test
    void an_online_session_is_opened_from_the_day_law_136_2025_is_in_force() {
        fixture.givenNoPriorActivity()
                .when(new OpenSession(ID, LocalDate.of(2026, 7, 1), SessionKind.ONLINE, "Cán bộ", false, TODAY_2026))
                .expectEvents(new SessionOpened(ID, LocalDate.of(2026, 7, 1), SessionKind.ONLINE, "Cán bộ", false));
    }

    @Test
    void from_law_136_2025_a_visit_in_person_without_the_visitors_identity_is_refused() {
        fixture.given(openedOn(SEPTEMBER_2026, SessionKind.PERIODIC))
                .when(visitBy(null))
                .expectNoEvents().expectException(breaks(SessionRule.VISITOR_IDENTITY_REQUIRED));
        fixture.given(openedOn(SEPTEMBER_2026, SessionKind.REGULAR))
                .when(visitBy(new Visitor("Nguyễn Văn An", "Thôn 2", " ")))
                .expectNoEvents().expectException(breaks(SessionRule.VISITOR_IDENTITY_REQUIRED));
    }

    @Test
    void from_law_136_2025_a_visit_in_person_records_the_visitors_identity() {
        fixture.given(openedOn(SEPTEMBER_2026, SessionKind.PERIODIC))
                .when(visitBy(VISITOR))
                .expectEvents(new VisitLogged(ID, "v1", 1, SEPTEMBER_2026, 1, false, null, false,
                        PetitionKind.DENUNCIATION, "Tố cáo", VisitOutcome.GUIDED, null, null, VISITOR));
    }

    @Test
    void an_online_visit_needs_no_identity() {
        fixture.given(openedOn(SEPTEMBER_2026, SessionKind.ONLINE))
                .when(visitBy(null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void before_law_136_2025_the_visitors_identity_is_optional() {
        fixture.given(openedOn(LocalDate.of(2026, 6, 30), SessionKind.PERIODIC))
                .when(visitBy(null))
                .expectSuccessfulHandlerExecution();
        fixture.given(OPENED)
                .when(visitBy(VISITOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_visitor_never_prints_its_identity() {
        assertThat(VISITOR.toString()).doesNotContain("Nguyễn", "Thôn", "0010");
    }
}
