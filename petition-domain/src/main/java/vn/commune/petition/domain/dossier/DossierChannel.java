package vn.commune.petition.domain.dossier;

/** Hình thức tiếp nhận hồ sơ: how an administrative-procedure dossier reached the one-stop desk. */
public enum DossierChannel {
    /** Trực tuyến: through the online public-service portal. */
    ONLINE,
    /** Trực tiếp: at the one-stop desk. */
    IN_PERSON,
    /** Qua bưu chính: by post (counted with the desk in the one-stop table). */
    POSTAL
}
