package vn.commune.petition.domain.deadline;

/** How a legal period is counted: "ngày làm việc" or plain "ngày". */
public enum DayCount {
    /** Ngày làm việc: only working days count. */
    WORKING_DAY,
    /** Ngày: calendar days; a period ending on a day off ends on the next working day. */
    CALENDAR_DAY
}
