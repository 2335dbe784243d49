package vn.commune.petition.domain.dossier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trả hồ sơ để bổ sung: the dossier goes back to the applicant to be completed; its clock stops. */
public record ReturnDossierForCompletion(@TargetAggregateIdentifier String dossierId, LocalDate returnedOn,
                                         LocalDate today) {
}
