package vn.commune.petition.domain.deadline;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * Computes a petition's deadlines from the rules in force, the commune's settings and the
 * working-day calendar. The Petition aggregate receives it as a resource and records in its
 * events both the dates and the rule version, so a replay never recomputes them.
 */
public final class DeadlinePolicy {

    private final WorkingDayCalendar calendar;
    private final DeadlineRules rules;
    private final CommuneDeadlines commune;

    public DeadlinePolicy(WorkingDayCalendar calendar, DeadlineRules rules, CommuneDeadlines commune) {
        this.calendar = calendar;
        this.rules = rules;
        this.commune = commune;
    }

    /** A due date and the version of the rules it came from. */
    public record Due(LocalDate dueOn, String rules) {
    }

    /** Thời hạn xử lý đơn: from receipt, to decide how the petition is handled. */
    public Due handling(PetitionKind kind, LocalDate receivedOn) {
        DeadlineRuleSet set = rules.inForceOn(receivedOn);
        return new Due(set.handling(kind).after(receivedOn, calendar), set.version());
    }

    /** Thời hạn giải quyết: from acceptance, to resolve the petition. */
    public Due resolution(PetitionKind kind, Complexity complexity, LocalDate acceptedOn) {
        DeadlineRuleSet set = rules.inForceOn(acceptedOn);
        boolean complex = complexity != Complexity.NORMAL;
        Deadline deadline = switch (kind) {
            case COMPLAINT -> commune.remoteArea()
                    ? (complex ? set.complaintRemoteComplex() : set.complaintRemote())
                    : (complex ? set.complaintComplex() : set.complaint());
            case DENUNCIATION -> set.denunciation();
            case RECOMMENDATION, FEEDBACK -> commune.otherResolution();
        };
        return new Due(deadline.after(acceptedOn, calendar), set.version());
    }

    /** The extensions allowed to a petition accepted under the rules named {@code version}. */
    public ExtensionLimit extensions(String version, PetitionKind kind, Complexity complexity) {
        return rules.version(version).extensions(kind, complexity, commune);
    }

    /** The new resolution deadline after extending {@code dueOn} by {@code days} calendar days. */
    public LocalDate extend(LocalDate dueOn, int days) {
        return calendar.addCalendarDaysRolled(dueOn, days);
    }

    /** The n-th working day after {@code day}. */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        return calendar.addWorkingDays(day, n);
    }

    /** Working days from {@code due} (exclusive) to {@code day} (inclusive): how late a step is. */
    public int workingDaysLate(LocalDate due, LocalDate day) {
        return day.isAfter(due) ? calendar.workingDaysBetween(due, day) : 0;
    }
}
