package vn.commune.petition.domain.dossier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Nộp lại hồ sơ đã bổ sung: the completed dossier comes back; its clock restarts from zero (Nghị định 61/2018 Đ19). */
public record ResubmitDossier(@TargetAggregateIdentifier String dossierId, LocalDate resubmittedOn, LocalDate today) {
}
