package vn.commune.petition.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Kết thúc buổi tiếp: close the session; it takes no more visits. */
public record CloseSession(@TargetAggregateIdentifier String sessionId) {
}
