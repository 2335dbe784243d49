package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.idempotency.Idempotency.StoredResponse;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Records one petition step through {@link Writes}: in one transaction the reference number, the
 * command and its events, the petition view (a subscribing projection) and the response.
 */
@Component
class StepRecorder {

    private final Writes writes;
    private final ReferenceNumbers references;
    private final PetitionViewQueries views;
    private final Clock clock;

    StepRecorder(Writes writes, ReferenceNumbers references, PetitionViewQueries views, Clock clock) {
        this.writes = writes;
        this.references = references;
        this.views = views;
        this.clock = clock;
    }

    /** Receives a new petition: 201 with its view and Location. */
    ResponseEntity<String> receive(String petitionId, int year, Object body, String idempotencyKey,
                                   HttpServletRequest request, BiFunction<String, LocalDate, Object> command) {
        return writes.run(body, idempotencyKey, request, () -> {
            writes.send(command.apply(references.next(year), CommuneClock.today(clock)));
            return response(201, "/api/petitions/" + petitionId, petitionId);
        });
    }

    /**
     * Records a step on an existing petition: 200 with its view, or 412 if If-Match is stale. The
     * version is compared before the command runs, under a lock on the petition's row: Axon finds a
     * stale version only when the unit of work commits, after the aggregate has checked its rules,
     * so a step both stale and against a rule would be 409. Every step takes that lock first, with
     * or without If-Match, so none waits for it while holding Axon's lock on the aggregate.
     */
    ResponseEntity<String> step(String petitionId, String ifMatch, Object body, String idempotencyKey,
                                HttpServletRequest request, BiFunction<Long, LocalDate, Object> command) {
        return writes.run(body, idempotencyKey, request, () -> {
            long current = views.lockVersion(petitionId)
                    .orElseThrow(() -> new NotFoundException("No petition has this id"));
            writes.send(command.apply(expectedVersion(ifMatch, current), CommuneClock.today(clock)));
            return response(200, null, petitionId);
        });
    }

    private StoredResponse response(int status, String location, String petitionId) {
        PetitionView view = views.find(petitionId)
                .orElseThrow(() -> new NotFoundException("No petition has this id"));
        return writes.response(status, location, etag(view), view);
    }

    static String etag(PetitionView view) {
        return "\"" + view.version() + "\"";
    }

    /**
     * The version the step expects: {@code current} if If-Match names it, null (any) without the
     * header or with {@code *}. {@code "3"} and {@code 3} name version 3; a list ({@code "3", "4"})
     * names each of its versions. A weak tag such as {@code W/"3"} never matches: If-Match compares
     * strongly (RFC 9110, 13.1.1). Anything else is 412.
     */
    static Long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String listed : ifMatch.split(",")) {
            String tag = listed.strip();
            if (tag.startsWith("W/")) {
                continue;
            }
            try {
                versions.add(Long.parseLong(tag.replace("\"", "")));
            } catch (NumberFormatException e) {
                // a tag of something else: it matches no version of a petition
            }
        }
        if (versions.isEmpty()) {
            throw new PreconditionFailedException(ifMatch.contains("W/")
                    ? "A weak entity tag never matches If-Match"
                    : "If-Match does not name a version of this petition");
        }
        if (!versions.contains(current)) {
            throw new PreconditionFailedException("If-Match does not name the petition's current version");
        }
        return current;
    }
}
