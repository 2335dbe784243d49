package vn.commune.petition.projections.rebuild;

/** How a rebuild writes a read model's copy. */
public enum RebuildMethod {
    /** Every stored event applied, in order, to a fresh instance of the projection's event handler. */
    HANDLERS,
    /**
     * The projection's set-based statements write the copy from every event stored so far, in a few
     * statements; the handlers then apply the events stored since. Much faster; a verification, which
     * always replays the handlers, checks it.
     */
    SQL
}
