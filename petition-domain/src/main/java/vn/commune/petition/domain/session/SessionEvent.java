package vn.commune.petition.domain.session;

/** A fact in a reception session's life. */
public sealed interface SessionEvent permits SessionOpened, VisitLogged, SessionClosed {

    String sessionId();
}
