package vn.commune.petition.domain.deadline;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Every version of the deadline rules, each in force from its effective date until the next. */
public final class DeadlineRules {

    private final List<DeadlineRuleSet> versions;

    public DeadlineRules(List<DeadlineRuleSet> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("At least one version of the deadline rules is needed");
        }
        this.versions = versions.stream().sorted(Comparator.comparing(DeadlineRuleSet::effectiveFrom)).toList();
    }

    /** The rules shipped with the service. */
    public static DeadlineRules statutory() {
        return new DeadlineRules(List.of(DeadlineRuleSet.VN_2019));
    }

    /** The version in force on {@code day}: the latest that took effect on or before it (the first for older days). */
    public DeadlineRuleSet inForceOn(LocalDate day) {
        DeadlineRuleSet found = versions.get(0);
        for (DeadlineRuleSet version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                found = version;
            }
        }
        return found;
    }

    /** The version with this name, as recorded in an event. */
    public DeadlineRuleSet version(String name) {
        return versions.stream().filter(v -> v.version().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No deadline rules named " + name));
    }
}
