package vn.commune.petition.domain.dossier;

import java.time.LocalDate;

/** Đã tiếp nhận hồ sơ; {@code workingDays} is its processing time, kept for a restart of the clock. */
public record DossierReceived(String dossierId, String code, String field, DossierChannel channel,
                              LocalDate receivedOn, LocalDate dueOn, int workingDays) {
}
