package vn.commune.petition.projections.rebuild;

import java.util.Optional;

/**
 * What asking for a rebuild or a verification got: the run started here, or, when a run of the
 * projection was already under way on any instance, that run's progress.
 */
public record Claim(Run started, Run.Progress running) {

    static Claim started(Run run) {
        return new Claim(run, null);
    }

    static Claim refused(Run.Progress running) {
        return new Claim(null, running);
    }

    public boolean isStarted() {
        return started != null;
    }

    public Optional<Run> run() {
        return Optional.ofNullable(started);
    }
}
