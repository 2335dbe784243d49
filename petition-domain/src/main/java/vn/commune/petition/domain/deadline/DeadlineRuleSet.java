package vn.commune.petition.domain.deadline;

import java.time.LocalDate;
import vn.commune.petition.domain.petition.PetitionKind;

/**
 * The statutory deadlines in force from {@code effectiveFrom}, under a version name that events
 * record. Recommendations and feedback have no statutory resolution deadline: the commune's
 * figure ({@link CommuneDeadlines}) applies.
 *
 * @param handlingComplaint     accept or refuse a complaint (Luật Khiếu nại Đ27: 10 days)
 * @param handlingDenunciation  accept, refuse or forward a denunciation (Luật Tố cáo Đ24: 7 working days)
 * @param handlingOther         tell the citizen how a recommendation or feedback is handled (Luật Tiếp công dân Đ28: 10 working days)
 * @param complaint             resolve a complaint, first instance (Luật Khiếu nại Đ28: 30 days)
 * @param complaintComplex      ... when complex (45 days)
 * @param complaintRemote       ... in a remote area (45 days)
 * @param complaintRemoteComplex ... in a remote area, complex (60 days)
 * @param denunciation          resolve a denunciation (Luật Tố cáo Đ30: 30 days)
 * @param denunciationExtension the longest single extension of a denunciation (30 days)
 */
public record DeadlineRuleSet(
        String version,
        LocalDate effectiveFrom,
        Deadline handlingComplaint,
        Deadline handlingDenunciation,
        Deadline handlingOther,
        Deadline complaint,
        Deadline complaintComplex,
        Deadline complaintRemote,
        Deadline complaintRemoteComplex,
        Deadline denunciation,
        int denunciationExtension) {

    /** Luật Khiếu nại 2011, Luật Tiếp công dân 2013 and Luật Tố cáo 2018 (in force 01/01/2019). */
    public static final DeadlineRuleSet VN_2019 = new DeadlineRuleSet(
            "VN-2019",
            LocalDate.of(2019, 1, 1),
            Deadline.calendarDays(10),
            Deadline.workingDays(7),
            Deadline.workingDays(10),
            Deadline.calendarDays(30),
            Deadline.calendarDays(45),
            Deadline.calendarDays(45),
            Deadline.calendarDays(60),
            Deadline.calendarDays(30),
            30);

    /** The handling deadline of a petition of this kind, from its receipt. */
    public Deadline handling(PetitionKind kind) {
        return switch (kind) {
            case COMPLAINT -> handlingComplaint;
            case DENUNCIATION -> handlingDenunciation;
            case RECOMMENDATION, FEEDBACK -> handlingOther;
        };
    }

    /** How often and by how much the resolution deadline may be extended (Luật Tố cáo Đ30). */
    public ExtensionLimit extensions(PetitionKind kind, Complexity complexity, CommuneDeadlines commune) {
        return switch (kind) {
            case DENUNCIATION -> new ExtensionLimit(switch (complexity) {
                case NORMAL -> 0;
                case COMPLEX -> 1;
                case ESPECIALLY_COMPLEX -> 2;
            }, denunciationExtension);
            // A complaint's longer deadline for a complex case is set on acceptance, not extended.
            case COMPLAINT -> new ExtensionLimit(0, 0);
            case RECOMMENDATION, FEEDBACK -> commune.otherExtension();
        };
    }
}
