package vn.commune.petition.domain.petition;


import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import vn.commune.petition.domain.Breaks;
import vn.commune.petition.domain.deadline.CommuneDeadlines;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.DeadlinePolicies;
import vn.commune.petition.domain.deadline.DeadlinePolicy;
import vn.commune.petition.domain.deadline.DeadlineRules;
import vn.commune.petition.domain.deadline.WorkingDayCalendar;

/** Builders shared by the Petition aggregate tests: a petition received on a Thursday in January 2024. */
final class PetitionFixture {

    static final String ID = "7f1c2a4e-0000-4000-8000-000000000001";
    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    static final LocalDate RECEIVED_ON = LocalDate.of(2024, 1, 4);
    static final DeadlinePolicy DEADLINES =
            new DeadlinePolicy(WorkingDayCalendar.shipped(), DeadlineRules.statutory(), CommuneDeadlines.DEFAULT);
    static final List<Petitioner> PETITIONERS = List.of(new Petitioner("Nguyễn Văn An", "Khu 3", null, null));

    private PetitionFixture() {
    }

    static AggregateTestFixture<Petition> fixture() {
        AggregateTestFixture<Petition> fixture = new AggregateTestFixture<>(Petition.class);
        fixture.registerInjectableResource(DeadlinePolicies.only(DEADLINES));
        return fixture;
    }

    static ReceivePetition receive(PetitionKind kind, LocalDate on) {
        return new ReceivePetition(ID, "2024-0001", on, Channel.RECEPTION_SESSION, kind, "Đất đai",
                "Tranh chấp ranh giới đất", PETITIONERS, "Khu 3", null, List.of(), null, null, TODAY);
    }

    static PetitionReceived received(PetitionKind kind) {
        DeadlinePolicy.Due due = DEADLINES.handling(kind, RECEIVED_ON);
        return new PetitionReceived(ID, "2024-0001", RECEIVED_ON, Channel.RECEPTION_SESSION, kind, "Đất đai",
                "Tranh chấp ranh giới đất", PETITIONERS, "Khu 3", null, due.dueOn(), due.rules(), List.of(), null, null);
    }

    static PetitionAccepted accepted(PetitionKind kind, LocalDate on, Complexity complexity) {
        DeadlinePolicy.Due due = DEADLINES.resolution(kind, complexity, on);
        var limit = DEADLINES.extensions(due.rules(), kind, complexity);
        return new PetitionAccepted(ID, on, kind, complexity, due.dueOn(), due.rules(), limit.times(), limit.maxDays());
    }

    static PetitionAccepted accepted(PetitionKind kind) {
        return accepted(kind, LocalDate.of(2024, 1, 5), Complexity.NORMAL);
    }

    static LocalDate day(int month, int day) {
        return LocalDate.of(2024, month, day);
    }

    static Matcher<Object> breaks(PetitionRule rule) {
        return Breaks.rule(rule);
    }
}
