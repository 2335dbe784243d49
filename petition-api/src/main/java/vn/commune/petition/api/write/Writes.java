package vn.commune.petition.api.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.commune.petition.api.security.Communes;
import vn.commune.petition.api.write.Idempotency.StoredResponse;
import vn.commune.petition.projections.history.PetitionHistoryQuery;

/**
 * Every write runs here, in one transaction: its Idempotency-Key, its commands and their events,
 * the subscribing projections and the answer. Any failure rolls it all back.
 */
@Component
public class Writes {

    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final Idempotency idempotency;
    private final ObjectMapper json;
    private final Communes communes;

    public Writes(TransactionTemplate transaction, CommandGateway commands, Idempotency idempotency,
                  ObjectMapper json, Communes communes) {
        this.transaction = transaction;
        this.commands = commands;
        this.idempotency = idempotency;
        this.json = json;
        this.communes = communes;
    }

    /**
     * Runs {@code action} in one transaction, once per Idempotency-Key: a request that repeats a key
     * gets the answer kept for it (read back as {@code type}) and writes nothing.
     */
    public <T> Written<T> run(WriteHeaders headers, Object body, Class<T> type, Supplier<Written<T>> action) {
        if (headers.idempotencyKey() == null) {
            return transaction.execute(status -> action.get());
        }
        String hash = Idempotency.hash(headers.request(), write(body));
        AtomicReference<Written<T>> fresh = new AtomicReference<>();
        StoredResponse stored = transaction.execute(status ->
                idempotency.once(currentUser(), headers.idempotencyKey(), hash, () -> {
                    Written<T> written = action.get();
                    fresh.set(written);
                    return new StoredResponse(written.status(), written.location(), written.etag(),
                            write(written.body()), false);
                }));
        return stored.replayed()
                ? new Written<>(stored.status(), stored.location(), stored.etag(), read(stored.body(), type), true)
                : fresh.get();
    }

    /**
     * Sends a command in the current transaction, recording on its events the signed-in user and the
     * user's commune (none when no commune is configured: see Communes).
     */
    public void send(Object command) {
        String user = currentUser();
        String commune = communes.of(user);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(commune.isEmpty() ? Map.of(PetitionHistoryQuery.RECORDED_BY, user)
                        : Map.of(PetitionHistoryQuery.RECORDED_BY, user, Communes.METADATA, commune)));
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

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a kept answer", e);
        }
    }
}
