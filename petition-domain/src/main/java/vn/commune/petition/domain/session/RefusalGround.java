package vn.commune.petition.domain.session;

/** Căn cứ từ chối tiếp: the grounds on which Luật Tiếp công dân Đ9 lets reception be refused. */
public enum RefusalGround {
    /** Đ9.1: intoxicated, or without the capacity to understand or control their behaviour. */
    INCAPACITATED,
    /** Đ9.2: threatens or insults, or breaks the rules of the reception venue. */
    THREATENING_OR_DISORDERLY,
    /** Đ9.3: pursues a matter already lawfully resolved, reviewed, answered in writing and explained. */
    MATTER_ALREADY_RESOLVED,
    /** Đ9.4: another case provided for by law. */
    OTHER_LEGAL_CASE
}
