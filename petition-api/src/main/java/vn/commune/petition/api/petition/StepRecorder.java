package vn.commune.petition.api.petition;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.deadline.CommuneClock;
import vn.commune.petition.api.lookup.LookupCodes;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.api.write.WriteHeaders;
import vn.commune.petition.api.write.Writes;
import vn.commune.petition.api.write.Written;
import vn.commune.petition.domain.petition.ReplaceLookupCode;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Records a petition's steps, for the API and the pages alike, through {@link Writes}: in one
 * transaction the reference number, the command and its events, the petition view (a subscribing
 * projection) and the answer.
 */
@Component
public class StepRecorder {

    static final String NO_PETITION = "No petition has this id";

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

    /**
     * Receives a new petition: 201 with its view, Location, and its lookup code, which only this
     * answer ever holds: the answer kept for an Idempotency-Key is kept without it.
     */
    public Written<ReceivedPetition> receive(ReceivePetitionRequest body, WriteHeaders headers) {
        String id = UUID.randomUUID().toString();
        LookupCodes.Issued code = LookupCodes.issue();
        Written<PetitionView> written = writes.run(headers, body, PetitionView.class, () -> {
            writes.send(body.command(id, references.next(body.receivedOn().getYear()), code.hash(),
                    CommuneClock.today(clock)));
            return answer(201, "/api/petitions/" + id, id);
        });
        return written.map(view -> new ReceivedPetition(view, written.replayed() ? null : code.code()));
    }

    /** Cấp lại mã tra cứu: a new lookup code for the petition; the one before stops working. */
    public Written<ReceivedPetition> replaceLookupCode(String petitionId, WriteHeaders headers) {
        String id = NotFoundException.unlessId(petitionId, NO_PETITION);
        LookupCodes.Issued code = LookupCodes.issue();
        Written<PetitionView> written = writes.run(headers, "", PetitionView.class, () -> {
            views.lockVersion(id).orElseThrow(() -> new NotFoundException(NO_PETITION));
            writes.send(new ReplaceLookupCode(id, code.hash(), CommuneClock.today(clock)));
            return answer(200, null, id);
        });
        return written.map(view -> new ReceivedPetition(view, written.replayed() ? null : code.code()));
    }

    /**
     * Records a step on an existing petition: 200 with its view, or 412 if If-Match is stale. The
     * version is compared before the command runs, under a lock on the petition's row: Axon finds a
     * stale version only when the unit of work commits, after the aggregate has checked its rules,
     * so a step both stale and against a rule would be 409. Every step takes that lock first, with
     * or without If-Match, so none waits for it while holding Axon's lock on the aggregate.
     */
    public Written<PetitionView> step(String petitionId, StepRequest body, WriteHeaders headers) {
        String id = NotFoundException.unlessId(petitionId, NO_PETITION);
        return writes.run(headers, body, PetitionView.class, () -> {
            long current = views.lockVersion(id).orElseThrow(() -> new NotFoundException(NO_PETITION));
            writes.send(body.command(id, expectedVersion(headers.ifMatch(), current), CommuneClock.today(clock)));
            return answer(200, null, id);
        });
    }

    private Written<PetitionView> answer(int status, String location, String petitionId) {
        PetitionView view = views.find(petitionId).orElseThrow(() -> new NotFoundException(NO_PETITION));
        return new Written<>(status, location, etag(view), view, false);
    }

    static String etag(PetitionView view) {
        return "\"" + view.version() + "\"";
    }

    /**
     * The version the step expects: {@code current} if If-Match names it, null (any) without the
     * header or with {@code *}. Tags are compared as the strings they are (RFC 9110, 8.8.3.2):
     * {@code "3"}, or {@code 3} unquoted, names version 3, and {@code "03"} names none; a list
     * ({@code "3", "4"}) names each of its tags. A weak tag such as {@code W/"3"} never matches:
     * If-Match compares strongly (13.1.1). Anything else is 412.
     */
    static Long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        List<String> tags = Arrays.stream(ifMatch.split(",")).map(String::strip).toList();
        String version = String.valueOf(current);
        if (tags.contains("\"" + version + "\"") || tags.contains(version)) {
            return current;
        }
        throw new PreconditionFailedException(tags.stream().allMatch(tag -> tag.startsWith("W/"))
                ? "A weak entity tag never matches If-Match"
                : "If-Match does not name the petition's current version");
    }
}
