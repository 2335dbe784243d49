package vn.commune.petition.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.commune.petition.projections.audit.AuditVerifier.Verification;
import vn.commune.petition.projections.audit.AuditVerifier;

/**
 * A verification of the whole store started from the audit page, run in the background so the page
 * can show its progress (the chains checked of all) while it runs. One at a time: starting one while
 * another runs shows the one running. The last one is kept, in memory, until the next.
 */
@Component
class VerificationRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);

    /** A run: who started it when, how far it has gone, and its outcome once done (failed: no outcome). */
    record Run(String id, Instant startedAt, String startedBy, int chainsChecked, int chains, long eventsChecked,
               boolean done, Verification outcome) {

        /** Percent of the chains checked, 0 to 100. */
        public int percent() {
            return chains == 0 ? (done ? 100 : 0) : (int) (100L * chainsChecked / chains);
        }

        /** Ended without an outcome: the database failed under it. */
        public boolean failed() {
            return done && outcome == null;
        }

        /** The bundle key of the first mismatch's problem, if the run found one that has a key. */
        public String problemKey() {
            return outcome == null ? null : ChainCheck.problemKey(outcome.firstMismatch());
        }

        Run progress(int checked, int total, long events) {
            return new Run(id, startedAt, startedBy, checked, total, events, false, null);
        }

        Run finished(Verification verification) {
            return new Run(id, startedAt, startedBy, chainsChecked, chains,
                    verification == null ? eventsChecked : verification.eventsChecked(), true, verification);
        }
    }

    private final AuditVerifier verifier;
    private final Clock clock;
    private final AtomicReference<Run> last = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-verification");
        thread.setDaemon(true);
        return thread;
    });

    VerificationRuns(AuditVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Starts a run unless one is running, and returns the one running. */
    synchronized Run start(String user) {
        Run running = last.get();
        if (running != null && !running.done()) {
            return running;
        }
        Run run = new Run(UUID.randomUUID().toString(), clock.instant(), user, 0, 0, 0, false, null);
        last.set(run);
        worker.execute(() -> {
            try {
                Verification outcome = verifier.verifyAll(null, (checked, total, events) ->
                        last.updateAndGet(now -> now.progress(checked, total, events)));
                last.updateAndGet(now -> now.finished(outcome));
            } catch (RuntimeException e) {
                log.warn("The verification of the whole store failed: {}", e.getClass().getSimpleName());
                last.updateAndGet(now -> now.finished(null));
            }
        });
        return run;
    }

    /** The run with this id, if it is the last one. */
    Optional<Run> find(String id) {
        return Optional.ofNullable(last.get()).filter(run -> run.id().equals(id));
    }

    /** The last run, if any. */
    Optional<Run> last() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
