package vn.commune.petition.api.audit;

import java.util.Map;
import vn.commune.petition.projections.audit.AuditVerifier.Mismatch;
import vn.commune.petition.projections.audit.AuditVerifier.Verification;
import vn.commune.petition.projections.history.PetitionHistory;

/**
 * A verification as the audit pages show it: OK or BROKEN, how many events were checked, and the first
 * mismatch with why in the reader's language ({@code audit.problem.<key>}; AuditVerifier's own English
 * sentence when it has no key) and, when that event can still be read, its step and business date.
 */
record ChainCheck(String reference, String petitionId, Verification verification, PetitionHistory.Entry event) {

    /** AuditVerifier's sentences (docs/AUDIT.md) and the bundles' keys that say them. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "the event's content was altered", "altered",
            "the event with this sequence is missing", "missing",
            "a hashed event is no longer in the event table", "orphan",
            "the chain is broken before this event", "chain",
            "the event has no recorded hash", "noHash",
            "the event was moved", "moved",
            "the personal field does not match its commitment", "personal",
            "a personal field without a recorded commitment", "personal");

    public boolean ok() {
        return "OK".equals(verification.status());
    }

    public Mismatch mismatch() {
        return verification.firstMismatch();
    }

    /** The bundle key of the mismatch's problem, or null when the verifier's sentence has none. */
    public String problemKey() {
        return problemKey(mismatch());
    }

    static String problemKey(Mismatch mismatch) {
        if (mismatch == null || mismatch.problem() == null) {
            return null;
        }
        if (mismatch.problem().startsWith("seal ")) {
            return "audit.problem.seal";
        }
        return PROBLEMS.entrySet().stream().filter(e -> mismatch.problem().startsWith(e.getKey()))
                .map(e -> "audit.problem." + e.getValue()).findFirst().orElse(null);
    }
}
