package vn.commune.petition.domain.deadline;

import java.time.LocalDate;

/**
 * One line of the calendar data: a weekday off ({@code HOLIDAY}), a weekend day worked in exchange
 * for another ({@code WORKING}, "làm bù"), or, in an override only, an ordinary day ({@code NORMAL})
 * that cancels a shipped line.
 */
public record CalendarDay(LocalDate date, Type type, String name) {

    /** What the day is. */
    public enum Type {
        HOLIDAY,
        WORKING,
        NORMAL
    }
}
