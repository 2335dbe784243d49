package vn.commune.petition.domain.law;

import java.time.LocalDate;

/**
 * The versions of the law the service enforces, each in force from its effective date. A rule that
 * changed names the version that changed it and asks {@link #inForceOn} of the step's business date:
 * a step dated before the date follows the rule before, one dated on or after it the new one, so a
 * replay of steps taken under an older law gives what it gave then. docs/DEADLINES.md lists them with
 * their sources; the deadlines themselves are versioned apart ({@code DeadlineRules}).
 */
public enum LawVersion {

    /**
     * Luật Khiếu nại 2011, Luật Tiếp công dân 2013, Luật Tố cáo 2018 (in force 01/01/2019): the law of
     * the 2024 report. Districts exist; the commune Chairman receives citizens at least a day a week.
     */
    VN_2019(LocalDate.of(2019, 1, 1), "Luật Khiếu nại 2011, Luật Tiếp công dân 2013, Luật Tố cáo 2018"),

    /**
     * Two-tier local government (Luật Tổ chức chính quyền địa phương 72/2025/QH15): no districts; a
     * matter the commune cannot settle goes to the province, its bodies or a court.
     */
    TWO_TIER_2025(LocalDate.of(2025, 7, 1), "Luật Tổ chức chính quyền địa phương 72/2025/QH15"),

    /**
     * Luật 136/2025/QH15, amending the Laws on Citizen Reception, Complaints and Denunciations: online
     * reception; the Chairman receives in person at least 2 days a month; a visitor in person gives name,
     * address and ID number; a complaint may be withdrawn in part, and its resolution suspended (the
     * days suspended do not count) or terminated.
     */
    LAW_136_2025(LocalDate.of(2026, 7, 1), "Luật 136/2025/QH15 sửa đổi Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo");

    private final LocalDate effectiveFrom;
    private final String source;

    LawVersion(LocalDate effectiveFrom, String source) {
        this.effectiveFrom = effectiveFrom;
        this.source = source;
    }

    /** The first day this version governs. */
    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** The statute that made it, as its title reads. */
    public String source() {
        return source;
    }

    /** Whether this version governs a step dated {@code day}: on or after its effective date. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom);
    }

    /** The version governing {@code day}: the latest in force on it (the first for older days). */
    public static LawVersion on(LocalDate day) {
        LawVersion found = VN_2019;
        for (LawVersion version : values()) {
            if (version.inForceOn(day)) {
                found = version;
            }
        }
        return found;
    }
}
