package vn.commune.petition.domain.petition;

/** Thrown by the aggregate when a step breaks a named rule; nothing is written. */
public class PetitionRuleViolation extends RuntimeException {

    private final PetitionRule rule;

    public PetitionRuleViolation(PetitionRule rule) {
        super(rule.name() + ": " + rule.description());
        this.rule = rule;
    }

    public PetitionRule rule() {
        return rule;
    }
}
