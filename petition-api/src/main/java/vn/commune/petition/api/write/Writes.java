package vn.commune.petition.api.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.idempotency.Idempotency;
import vn.commune.petition.api.idempotency.Idempotency.StoredResponse;
import vn.commune.petition.api.problem.FieldProblem;
import vn.commune.petition.api.problem.InvalidRequestException;
import vn.commune.petition.projections.history.PetitionHistoryQuery;

/**
 * Every write request runs here, in one transaction: its Idempotency-Key, its commands and their
 * events, the subscribing projections and the response. Any failure rolls it all back.
 */
@Component
public class Writes {

    /**
     * An Idempotency-Key is text of printable ASCII (the characters of an RFC 8941 string), as its
     * specification says; a header's bytes beyond ASCII reach the service as Latin-1 guesswork.
     */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public Writes(TransactionTemplate transaction, CommandGateway commands, Idempotency idempotency,
                  ObjectMapper json) {
        this.transaction = transaction;
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Runs {@code action} once per Idempotency-Key, in one transaction, and answers with its response. */
    public ResponseEntity<String> run(Object body, String idempotencyKey, HttpServletRequest request,
                                      Supplier<StoredResponse> action) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || !KEY.matcher(idempotencyKey).matches())) {
            throw new InvalidRequestException(List.of(
                    new FieldProblem("Idempotency-Key", "must be 1 to 200 printable ASCII characters")));
        }
        String hash = Idempotency.hash(request.getMethod(), request.getRequestURI(), write(body));
        StoredResponse stored = transaction.execute(status ->
                idempotency.once(currentUser(), idempotencyKey, hash, action));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (stored.etag() != null) {
            response.eTag(stored.etag());
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(stored.body());
    }

    /** Sends a command in the current transaction, recording the signed-in user on its events. */
    public void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Map.of(PetitionHistoryQuery.RECORDED_BY, currentUser())));
    }

    /** A response to keep: its status, Location, ETag and body written as JSON. */
    public StoredResponse response(int status, String location, String etag, Object body) {
        return new StoredResponse(status, location, etag, write(body), false);
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
