package vn.commune.petition.domain.session;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mở buổi tiếp công dân: open a reception session; {@code hostedInPerson} false means delegated (ủy quyền). */
public record OpenSession(
        @TargetAggregateIdentifier String sessionId,
        LocalDate heldOn,
        SessionKind kind,
        String host,
        boolean hostedInPerson,
        LocalDate today) {
}
