package vn.commune.petition.domain.dossier;


import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import vn.commune.petition.domain.Breaks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.commune.petition.domain.deadline.CalendarData;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/** The one-stop dossier: its clock restarts on resubmission, and one test per named rule. */
class DossierTest {

    private static final String ID = "d0551e40-0000-4000-8000-000000000001";
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    // Due Friday 8 March: 4 working days after Monday 4 March.
    private static final DossierReceived RECEIVED = new DossierReceived(ID, "HT-1", "Hộ tịch", DossierChannel.ONLINE,
            MONDAY, LocalDate.of(2024, 3, 8), 4);

    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dossier.class);
        fixture.registerInjectableResource(DeadlinePolicies.only(new DeadlinePolicy(WorkingDayCalendar.shipped(),
                DeadlineRules.statutory(), CommuneDeadlines.DEFAULT)));
    }

    private static Matcher<Object> breaks(DossierRule rule) {
        return Breaks.rule(rule);
    }

    @Test
    void a_received_dossier_keeps_its_processing_time_in_working_days() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveDossier(ID, "HT-1", "Hộ tịch", DossierChannel.ONLINE, MONDAY,
                        LocalDate.of(2024, 3, 8), TODAY))
                .expectEvents(RECEIVED);
    }

    @Test
    void a_resubmitted_dossier_restarts_its_clock_from_zero() {
        // Returned Tuesday 5 March, resubmitted Thursday 7 March: 4 working days from then is Wednesday 13 March.
        fixture.given(RECEIVED, new DossierReturnedForCompletion(ID, LocalDate.of(2024, 3, 5)))
                .when(new ResubmitDossier(ID, LocalDate.of(2024, 3, 7), TODAY))
                .expectEvents(new DossierResubmitted(ID, LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 13)));
    }

    @Test
    void a_resubmitted_dossier_counts_the_working_days_of_its_own_commune() throws IOException {
        WorkingDayCalendar dayOff = WorkingDayCalendar.shipped().withOverrides(CalendarData.read(
                new StringReader("2024-03-11,HOLIDAY,Ngày nghỉ riêng của phường Hòa Bình"), "test"));
        DeadlinePolicy hoaBinh = new DeadlinePolicy(dayOff, DeadlineRules.statutory(), CommuneDeadlines.DEFAULT);
        AggregateTestFixture<Dossier> communes = new AggregateTestFixture<>(Dossier.class);
        DeadlinePolicy shipped = new DeadlinePolicy(WorkingDayCalendar.shipped(), DeadlineRules.statutory(),
                CommuneDeadlines.DEFAULT);
        communes.registerInjectableResource((DeadlinePolicies) commune -> "10106".equals(commune) ? hoaBinh : shipped);
        communes.given(new GenericDomainEventMessage<>("Dossier", ID, 0, RECEIVED,
                                MetaData.with(DeadlinePolicies.COMMUNE, "10106")),
                        new DossierReturnedForCompletion(ID, LocalDate.of(2024, 3, 5)))
                .when(new ResubmitDossier(ID, LocalDate.of(2024, 3, 7), TODAY))
                .expectEvents(new DossierResubmitted(ID, LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 14)));
    }

    @Test
    void a_dossier_is_resolved_against_the_due_date_in_force() {
        fixture.given(RECEIVED, new DossierReturnedForCompletion(ID, LocalDate.of(2024, 3, 5)),
                        new DossierResubmitted(ID, LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 13)))
                .when(new ResolveDossier(ID, LocalDate.of(2024, 3, 11), TODAY))
                .expectEvents(new DossierResolved(ID, LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 13)));
    }

    @Test
    void a_resolved_dossier_takes_no_further_step() {
        fixture.given(RECEIVED, new DossierResolved(ID, MONDAY.plusDays(1), LocalDate.of(2024, 3, 8)))
                .when(new ReturnDossierForCompletion(ID, MONDAY.plusDays(2), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.DOSSIER_RESOLVED));
    }

    @Test
    void a_returned_dossier_is_not_resolved_before_it_is_resubmitted() {
        fixture.given(RECEIVED, new DossierReturnedForCompletion(ID, MONDAY.plusDays(1)))
                .when(new ResolveDossier(ID, MONDAY.plusDays(2), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.AWAITING_COMPLETION));
    }

    @Test
    void only_a_returned_dossier_can_be_resubmitted() {
        fixture.given(RECEIVED)
                .when(new ResubmitDossier(ID, MONDAY.plusDays(2), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.NOT_RETURNED));
    }

    @Test
    void a_due_date_before_receipt_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveDossier(ID, "HT-1", "Hộ tịch", DossierChannel.IN_PERSON, MONDAY,
                        MONDAY.minusDays(1), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.DUE_BEFORE_RECEIPT));
    }

    @Test
    void a_dossier_step_cannot_be_dated_in_the_future() {
        fixture.given(RECEIVED)
                .when(new ResolveDossier(ID, TODAY.plusDays(1), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.DATE_IN_FUTURE));
    }

    @Test
    void a_dossier_step_cannot_be_dated_before_the_previous_one() {
        fixture.given(RECEIVED)
                .when(new ResolveDossier(ID, MONDAY.minusDays(1), TODAY))
                .expectNoEvents().expectException(breaks(DossierRule.DATE_BEFORE_PREVIOUS_STEP));
    }
}
