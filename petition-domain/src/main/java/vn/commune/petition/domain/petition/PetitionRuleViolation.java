package vn.commune.petition.domain.petition;

import vn.commune.petition.domain.RuleViolation;

/** Thrown by the aggregate when a step breaks a named rule; nothing is written. */
public class PetitionRuleViolation extends RuleViolation {

    private final PetitionRule rule;

    public PetitionRuleViolation(PetitionRule rule) {
        super(rule.name(), rule.description());
        this.rule = rule;
    }

    public PetitionRule rule() {
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
