package vn.commune.petition.api.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.admin.ProjectionOperations.DeadLetter;
import vn.commune.petition.api.admin.ProjectionOperations.ProjectionStatus;
import vn.commune.petition.api.admin.ProjectionOperations.Retry;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.Problems;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.projections.rebuild.Claim;
import vn.commune.petition.projections.rebuild.Run;

/**
 * Operating the read models through the API: their state and lag, rebuilds without downtime (ADMIN),
 * verification against a fresh replay (INSPECTOR, ADMIN), and the events parked in the dead-letter
 * queue. What each does is ProjectionOperations', which the operations page shares.
 */
@RestController
class ProjectionsController {

    private final ProjectionOperations operations;
    private final Communes communes;

    ProjectionsController(ProjectionOperations operations, Communes communes) {
        this.operations = operations;
        this.communes = communes;
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionStatus> projections() {
        return operations.projections();
    }

    /**
     * Starts a rebuild; {@code ?method=handlers} replays every event through the handlers even where
     * the projection has a set-based rebuild ({@code sql}, the default where there is one).
     */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<?> rebuild(@PathVariable String name, @RequestParam(required = false) String method) {
        return started(operations.rebuild(name, method), "/api/admin/projections/" + name + "/rebuild");
    }

    /** The progress of the projection's last rebuild, cheap enough to poll while it runs. */
    @GetMapping("/api/admin/projections/{name}/rebuild")
    Run.Progress lastRebuild(@PathVariable String name) {
        return last(name, Run.Kind.REBUILD);
    }

    /** Starts a verification of the projection against a fresh replay of its handlers. */
    @PostMapping("/api/admin/projections/{name}/verification")
    ResponseEntity<?> verify(@PathVariable String name) {
        return started(operations.verify(name), "/api/admin/projections/" + name + "/verification");
    }

    /** The progress of the projection's last verification and, once it is done, what it found. */
    @GetMapping("/api/admin/projections/{name}/verification")
    Run.Progress lastVerification(@PathVariable String name) {
        return last(name, Run.Kind.VERIFICATION);
    }

    @GetMapping("/api/admin/dead-letters")
    List<DeadLetter> deadLetters() {
        return operations.deadLetters();
    }

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    Retry retry(@PathVariable String group, Authentication user) {
        communes.requireEveryCommune(user.getName());
        return operations.retry(group);
    }

    private Run.Progress last(String name, Run.Kind kind) {
        return operations.last(name, kind).orElseThrow(() -> new NotFoundException(
                "This projection has had no such run"));
    }

    /**
     * 202 pointing to the run's progress, or 409 if a rebuild or a verification of the projection is
     * running on any instance, with that run's progress ({@code running}).
     */
    private static ResponseEntity<?> started(Claim claim, String progress) {
        if (!claim.isStarted()) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation", "A rebuild is running",
                    "This projection is already being rebuilt or verified");
            problem.setProperty("rule", "REBUILD_RUNNING");
            problem.setProperty("running", claim.running());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().header("Location", progress).body(claim.started().progress());
    }
}
