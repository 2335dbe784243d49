package vn.commune.petition.domain.dossier;

import java.time.LocalDate;

/** Đã giải quyết hồ sơ, against the due date in force. */
public record DossierResolved(String dossierId, LocalDate resolvedOn, LocalDate dueOn) {
}
