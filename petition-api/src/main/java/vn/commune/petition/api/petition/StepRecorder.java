package vn.commune.petition.api.petition;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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

    /** Records a step on an existing petition: 200 with its view, or 412 if If-Match is stale. */
    ResponseEntity<String> step(String petitionId, String ifMatch, Object body, String idempotencyKey,
                                HttpServletRequest request, BiFunction<Long, LocalDate, Object> command) {
        Long expectedVersion = expectedVersion(ifMatch, () -> views.find(petitionId).map(PetitionView::version));
        return writes.run(body, idempotencyKey, request, () -> {
            writes.send(command.apply(expectedVersion, CommuneClock.today(clock)));
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
     * {@code "3"} or {@code 3} expect version 3; {@code *} or no header expect any. A weak tag such
     * as {@code W/"3"} never matches: If-Match compares strongly (RFC 9110, 13.1.1), so it is 412.
     * A list ({@code "3", "4"}) matches if the petition is now at one of its versions, which is then
     * the version expected, so that a step recorded meanwhile still makes it 412.
     */
    static Long expectedVersion(String ifMatch, Supplier<Optional<Long>> current) {
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
        if (versions.size() == 1) {
            return versions.iterator().next();
        }
        return current.get().filter(versions::contains).orElseThrow(() ->
                new PreconditionFailedException("The petition is at none of the versions If-Match lists"));
    }
}
