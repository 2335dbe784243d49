package vn.commune.petition.domain.session;

import vn.commune.petition.domain.NamedRule;

/** The named rules a reception session or visit can break; the name is what a refused request reports. */
public enum SessionRule implements NamedRule {
    /** A closed session takes no more visits and cannot be closed again. */
    SESSION_CLOSED("A closed session takes no more visits"),
    /** A session is never dated in the future (Asia/Ho_Chi_Minh). */
    DATE_IN_FUTURE("A session cannot be dated in the future"),
    /** A group delegation (đoàn đông người) has 5 or more people. */
    GROUP_TOO_SMALL("A group delegation has at least 5 people"),
    /** A group appoints representatives: 1 or 2 for 5 to 10 people, at most 5 above (Luật Tiếp công dân Đ29). */
    REPRESENTATIVES_OUT_OF_RANGE("A group appoints 1-2 representatives (5-10 people) or at most 5 (more than 10)"),
    /** Only a group delegation appoints representatives. */
    REPRESENTATIVES_WITHOUT_GROUP("Only a group delegation appoints representatives"),
    /** A refusal names its ground in Luật Tiếp công dân Đ9; no other outcome has one. */
    REFUSAL_GROUND_REQUIRED("A refused visit needs a legal ground of Luật Tiếp công dân Đ9, and only a refusal has one"),
    /** A visit whose outcome is a received petition names that petition; no other outcome does. */
    PETITION_REQUIRED("A visit that received a petition names it, and only such a visit does"),
    /** Online reception is lawful only from Luật 136/2025/QH15 ({@code LawVersion.LAW_136_2025}). */
    NOT_YET_IN_FORCE("Online reception is lawful only from 1 July 2026, Luật 136/2025/QH15"),
    /**
     * From Luật 136/2025/QH15 a visit in person records the visitor's name, address and ID number
     * ({@code LawVersion.LAW_136_2025}); an online visit, and any visit before, need not.
     */
    VISITOR_IDENTITY_REQUIRED("From 1 July 2026 (Luật 136/2025/QH15) a visit in person records the visitor's"
            + " name, address and ID number");

    private final String description;

    SessionRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
