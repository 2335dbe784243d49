package vn.commune.petition.projections.rebuild;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rebuilds and verifications of this instance, kept in memory: at most one of either running per
 * projection, and the last of each kind kept to be read.
 */
final class Runs {

    private final Clock clock;
    private final Map<String, Map<Run.Kind, Run>> last = new HashMap<>();
    private final Map<String, Run> latest = new HashMap<>();

    Runs(Clock clock) {
        this.clock = clock;
    }

    /** Starts a run of the projection and returns it, unless a rebuild or a verification of it is running. */
    synchronized Optional<Run> claim(String projection, Run.Kind kind, RebuildMethod method, long eventsTotal) {
        Run running = latest.get(projection);
        if (running != null && running.running()) {
            return Optional.empty();
        }
        Run run = new Run(projection, kind, method, eventsTotal, clock);
        last.computeIfAbsent(projection, p -> new EnumMap<>(Run.Kind.class)).put(kind, run);
        latest.put(projection, run);
        return Optional.of(run);
    }

    synchronized Optional<Run> last(String projection, Run.Kind kind) {
        return Optional.ofNullable(last.getOrDefault(projection, Map.of()).get(kind));
    }

    /** The last run of either kind. */
    synchronized Optional<Run> last(String projection) {
        return Optional.ofNullable(latest.get(projection));
    }
}
