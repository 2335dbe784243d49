package vn.commune.petition.api.petition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.config.CommuneClock;
import vn.commune.petition.api.idempotency.Idempotency;
import vn.commune.petition.api.idempotency.Idempotency.StoredResponse;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.api.problem.NotFoundException;
import vn.commune.petition.api.problem.PreconditionFailedException;
import vn.commune.petition.projections.history.PetitionHistoryQuery;
import vn.commune.petition.projections.petition.PetitionView;
import vn.commune.petition.projections.petition.PetitionViewQueries;

/**
 * Records one step in one transaction: the idempotency key, the reference number, the command and
 * its events, the petition view (a subscribing projection) and the response. Any failure rolls it
 * all back, so nothing is written on any error.
 */
@Component
class StepRecorder {

    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final Idempotency idempotency;
    private final ReferenceNumbers references;
    private final PetitionViewQueries views;
    private final ObjectMapper json;
    private final Clock clock;

    StepRecorder(TransactionTemplate transaction, CommandGateway commands, Idempotency idempotency,
                 ReferenceNumbers references, PetitionViewQueries views, ObjectMapper json, Clock clock) {
        this.transaction = transaction;
        this.commands = commands;
        this.idempotency = idempotency;
        this.references = references;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    /** Receives a new petition: 201 with its view and Location. */
    ResponseEntity<String> receive(String petitionId, int year, Object body, String idempotencyKey,
                                   HttpServletRequest request, BiFunction<String, LocalDate, Object> command) {
        return run(body, idempotencyKey, request, () -> {
            send(command.apply(references.next(year), CommuneClock.today(clock)));
            return response(201, "/api/petitions/" + petitionId, petitionId);
        });
    }

    /** Records a step on an existing petition: 200 with its view, or 412 if If-Match is stale. */
    ResponseEntity<String> step(String petitionId, String ifMatch, Object body, String idempotencyKey,
                                HttpServletRequest request, BiFunction<Long, LocalDate, Object> command) {
        Long expectedVersion = expectedVersion(ifMatch);
        return run(body, idempotencyKey, request, () -> {
            send(command.apply(expectedVersion, CommuneClock.today(clock)));
            return response(200, null, petitionId);
        });
    }

    private ResponseEntity<String> run(Object body, String idempotencyKey, HttpServletRequest request,
                                       Supplier<StoredResponse> action) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException(List.of(
                    new FieldProblem("Idempotency-Key", "must be 1 to 200 characters")));
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String hash = Idempotency.hash(request.getMethod(), request.getRequestURI(), write(body));
        StoredResponse stored = transaction.execute(status -> idempotency.once(user, idempotencyKey, hash, action));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status())
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(stored.etag());
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(stored.body());
    }

    private void send(Object command) {
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Map.of(PetitionHistoryQuery.RECORDED_BY, user)));
    }

    private StoredResponse response(int status, String location, String petitionId) {
        PetitionView view = views.find(petitionId)
                .orElseThrow(() -> new NotFoundException("No petition has this id"));
        return new StoredResponse(status, location, etag(view), write(view), false);
    }

    static String etag(PetitionView view) {
        return "\"" + view.version() + "\"";
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} expect version 3; {@code *} or no header expect any. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match does not name a version of this petition");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
