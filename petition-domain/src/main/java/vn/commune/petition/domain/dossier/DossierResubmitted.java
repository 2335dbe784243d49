package vn.commune.petition.domain.dossier;

import java.time.LocalDate;

/** Hồ sơ đã được nộp lại: the clock restarted; {@code dueOn} is the new due date. */
public record DossierResubmitted(String dossierId, LocalDate resubmittedOn, LocalDate dueOn) {
}
