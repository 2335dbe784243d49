package vn.commune.petition.domain.dossier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Giải quyết hồ sơ: the result is ready for the applicant. */
public record ResolveDossier(@TargetAggregateIdentifier String dossierId, LocalDate resolvedOn, LocalDate today) {
}
