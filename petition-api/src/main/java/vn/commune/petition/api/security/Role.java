package vn.commune.petition.api.security;

/** Vai trò: who may do what, as in the roles table of PRODUCT.md. */
public enum Role {
    /** Cán bộ tiếp công dân: logs sessions and petitions, records mediations, dialogues, withdrawals. */
    OFFICER,
    /** Chủ tịch UBND: everything an officer may, and the decisions. */
    CHAIR,
    /** Thanh tra: reads, replays and verifies; writes nothing; never sees a denunciator. */
    INSPECTOR,
    /**
     * Ban Thanh tra nhân dân: supervises how petitions are handled (Luật Thực hiện dân chủ ở cơ sở
     * 2022); reads the register, the steps and deadlines, the histories, counts and reports with every
     * petitioner's personal data masked; writes nothing.
     */
    BOARD,
    /** Quản trị: operates the service; no case work. */
    ADMIN
}
