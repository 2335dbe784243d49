package vn.commune.petition.domain.session;


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
                "Tranh chấp đất", outcome, petitionId, ground);
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
                        PetitionKind.FEEDBACK, "x", VisitOutcome.EXPLAINED, null, null))
                .when(visit(1, false, null, VisitOutcome.PETITION_RECEIVED, "p1", null))
                .expectEvents(new VisitLogged(ID, "v1", 2, THURSDAY, 1, false, null, false,
                        PetitionKind.RECOMMENDATION, "Tranh chấp đất", VisitOutcome.PETITION_RECEIVED, "p1", null));
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
                        PetitionKind.FEEDBACK, "x", VisitOutcome.EXPLAINED, null, null))
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
}
