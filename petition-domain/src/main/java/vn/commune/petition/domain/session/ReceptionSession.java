package vn.commune.petition.domain.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.commune.petition.domain.law.LawVersion;

/** Buổi tiếp công dân: one reception session and the visits logged in it. */
public class ReceptionSession {

    private static final int GROUP_SIZE = 5;

    @AggregateIdentifier
    private String sessionId;
    private LocalDate heldOn;
    private SessionKind kind;
    private boolean closed;
    private int visits;

    /** For Axon, which rebuilds the session from its events. */
    protected ReceptionSession() {
    }

    @CommandHandler
    public ReceptionSession(OpenSession command) {
        if (command.heldOn().isAfter(command.today())) {
            throw new SessionRuleViolation(SessionRule.DATE_IN_FUTURE);
        }
        if (command.kind() == SessionKind.ONLINE && !LawVersion.LAW_136_2025.inForceOn(command.heldOn())) {
            throw new SessionRuleViolation(SessionRule.NOT_YET_IN_FORCE);
        }
        apply(new SessionOpened(command.sessionId(), command.heldOn(), command.kind(), command.host(),
                command.hostedInPerson()));
    }

    @CommandHandler
    public void handle(LogVisit command) {
        if (closed) {
            throw new SessionRuleViolation(SessionRule.SESSION_CLOSED);
        }
        if (command.group() && command.people() < GROUP_SIZE) {
            throw new SessionRuleViolation(SessionRule.GROUP_TOO_SMALL);
        }
        if (!command.group() && command.representatives() != null) {
            throw new SessionRuleViolation(SessionRule.REPRESENTATIVES_WITHOUT_GROUP);
        }
        if (command.group() && !representativesAllowed(command.people(), command.representatives())) {
            throw new SessionRuleViolation(SessionRule.REPRESENTATIVES_OUT_OF_RANGE);
        }
        boolean refused = command.outcome() == VisitOutcome.REFUSED;
        if (refused != (command.legalGround() != null)) {
            throw new SessionRuleViolation(SessionRule.REFUSAL_GROUND_REQUIRED);
        }
        boolean received = command.outcome() == VisitOutcome.PETITION_RECEIVED;
        if (received != (command.petitionId() != null)) {
            throw new SessionRuleViolation(SessionRule.PETITION_REQUIRED);
        }
        if (identityRequired() && (command.visitor() == null || !command.visitor().complete())) {
            throw new SessionRuleViolation(SessionRule.VISITOR_IDENTITY_REQUIRED);
        }
        apply(new VisitLogged(sessionId, command.visitId(), visits + 1, heldOn, command.people(), command.group(),
                command.representatives(), command.repeat(), command.kind(), command.summary(), command.outcome(),
                command.petitionId(), command.legalGround(), command.visitor()));
    }

    @CommandHandler
    public void handle(CloseSession command) {
        if (closed) {
            throw new SessionRuleViolation(SessionRule.SESSION_CLOSED);
        }
        apply(new SessionClosed(sessionId, heldOn, visits));
    }

    /** Luật 136/2025/QH15: a visitor in person gives name, address and ID number; online, or before, not required. */
    private boolean identityRequired() {
        return kind != SessionKind.ONLINE && LawVersion.LAW_136_2025.inForceOn(heldOn);
    }

    /** Luật Tiếp công dân Đ29: 1 or 2 representatives for 5 to 10 people; at most 5 for more. */
    static boolean representativesAllowed(int people, Integer representatives) {
        if (representatives == null) {
            return false;
        }
        int max = people <= 10 ? 2 : 5;
        return representatives >= 1 && representatives <= max;
    }

    @EventSourcingHandler
    void on(SessionOpened event) {
        sessionId = event.sessionId();
        heldOn = event.heldOn();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(VisitLogged event) {
        visits = event.number();
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        closed = true;
    }
}
