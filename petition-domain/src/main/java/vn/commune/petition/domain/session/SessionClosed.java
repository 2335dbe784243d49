package vn.commune.petition.domain.session;

import java.time.LocalDate;

/** Đã kết thúc buổi tiếp công dân. */
public record SessionClosed(String sessionId, LocalDate heldOn, int visits) implements SessionEvent {
}
