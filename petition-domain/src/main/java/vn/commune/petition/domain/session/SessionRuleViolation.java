package vn.commune.petition.domain.session;

import vn.commune.petition.domain.RuleViolation;

/** Thrown by the session aggregate when a command breaks a named rule; nothing is written. */
public class SessionRuleViolation extends RuleViolation {

    public SessionRuleViolation(SessionRule rule) {
        super(rule);
    }

    @Override
    public SessionRule rule() {
        return (SessionRule) super.rule();
    }
}
