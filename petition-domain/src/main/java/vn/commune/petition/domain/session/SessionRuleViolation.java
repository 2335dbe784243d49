package vn.commune.petition.domain.session;

/** Thrown by the session aggregate when a command breaks a named rule; nothing is written. */
public class SessionRuleViolation extends RuntimeException {

    private final SessionRule rule;

    public SessionRuleViolation(SessionRule rule) {
        super(rule.name() + ": " + rule.description());
        this.rule = rule;
    }

    public SessionRule rule() {
        return rule;
    }
}
