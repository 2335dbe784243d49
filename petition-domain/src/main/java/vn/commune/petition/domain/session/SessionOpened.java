package vn.commune.petition.domain.session;

import java.time.LocalDate;

/** Đã mở buổi tiếp công dân. */
public record SessionOpened(
        String sessionId,
        LocalDate heldOn,
        SessionKind kind,
        String host,
        boolean hostedInPerson) implements SessionEvent {
}
