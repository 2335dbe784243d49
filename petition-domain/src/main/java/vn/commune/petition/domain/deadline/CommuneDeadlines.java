package vn.commune.petition.domain.deadline;

/**
 * What the commune itself decides: whether it is a remote area (vùng sâu, vùng xa: longer
 * complaint deadlines, Luật Khiếu nại Đ28), and the deadline and extension it sets for resolving
 * recommendations and feedback, for which no statute gives a figure.
 */
public record CommuneDeadlines(boolean remoteArea, Deadline otherResolution, ExtensionLimit otherExtension) {

    /** A commune that is not remote, resolving recommendations and feedback within 30 days, extensible once by 30. */
    public static final CommuneDeadlines DEFAULT =
            new CommuneDeadlines(false, Deadline.calendarDays(30), new ExtensionLimit(1, 30));
}
