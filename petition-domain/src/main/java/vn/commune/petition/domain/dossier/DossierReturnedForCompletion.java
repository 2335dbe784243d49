package vn.commune.petition.domain.dossier;

import java.time.LocalDate;

/** Đã trả hồ sơ để bổ sung. */
public record DossierReturnedForCompletion(String dossierId, LocalDate returnedOn) {
}
