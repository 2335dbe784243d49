package vn.commune.petition.domain.session;

import vn.commune.petition.domain.RuleViolation;

/** Thrown by the session aggregate when a command breaks a named rule; nothing is written. */
public class SessionRuleViolation extends RuleViolation {

    private final SessionRule rule;

    public SessionRuleViolation(SessionRule rule) {
        super(rule.name(), rule.description());
        this.rule = rule;
    }

    public SessionRule rule() {
        return rule;
    }

    @Override
    public String ruleName() {
        return rule.name();
    }

    @Override
    public String ruleDescription() {
        return rule.description();
    }
}
