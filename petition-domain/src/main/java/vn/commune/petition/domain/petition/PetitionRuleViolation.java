package vn.commune.petition.domain.petition;

import vn.commune.petition.domain.RuleViolation;

/** Thrown by the aggregate when a step breaks a named rule; nothing is written. */
public class PetitionRuleViolation extends RuleViolation {

    public PetitionRuleViolation(PetitionRule rule) {
        super(rule);
    }

    @Override
    public PetitionRule rule() {
        return (PetitionRule) super.rule();
    }
}
