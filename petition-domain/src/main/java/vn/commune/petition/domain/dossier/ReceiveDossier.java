package vn.commune.petition.domain.dossier;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tiếp nhận hồ sơ: a dossier received at the one-stop desk, with its code and due date. */
public record ReceiveDossier(@TargetAggregateIdentifier String dossierId, String code, String field,
                             DossierChannel channel, LocalDate receivedOn, LocalDate dueOn, LocalDate today) {
}
