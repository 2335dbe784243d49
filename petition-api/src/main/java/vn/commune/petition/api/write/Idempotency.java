package vn.commune.petition.api.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency-Key: the first response to a key is kept, in the same transaction as what the request
 * wrote; a retry with the same request gets that response back and writes nothing. A concurrent
 * retry waits on the key's row until the first one commits or rolls back.
 */
@Component
public class Idempotency {

    private final JdbcClient jdbc;

    public Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a POST answered: replayed byte for byte to a retry. */
    public record StoredResponse(int status, String location, String etag, String body, boolean replayed) {
    }

    /**
     * Runs {@code action} once per (user, key); must be called inside the transaction that writes.
     * A null key means no idempotency was asked for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredResponse once(String username, String key, String requestHash, Supplier<StoredResponse> action) {
        if (key == null) {
            return action.get();
        }
        int claimed = jdbc.sql("""
                INSERT INTO idempotent_request (username, key, request_hash) VALUES (:username, :key, :hash)
                ON CONFLICT (username, key) DO NOTHING
                """)
                .param("username", username)
                .param("key", key)
                .param("hash", requestHash)
                .update();
        if (claimed == 0) {
            return previous(username, key, requestHash);
        }
        StoredResponse response = action.get();
        jdbc.sql("""
                UPDATE idempotent_request SET status = :status, location = :location, etag = :etag, body = :body
                WHERE username = :username AND key = :key
                """)
                .param("status", response.status())
                .param("location", response.location())
                .param("etag", response.etag())
                .param("body", response.body())
                .param("username", username)
                .param("key", key)
                .update();
        return response;
    }

    private StoredResponse previous(String username, String key, String requestHash) {
        Optional<StoredResponse> stored = jdbc.sql("""
                SELECT request_hash, status, location, etag, body FROM idempotent_request
                WHERE username = :username AND key = :key
                """)
                .param("username", username)
                .param("key", key)
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return new StoredResponse(rs.getInt("status"), rs.getString("location"), rs.getString("etag"),
                            rs.getString("body"), true);
                })
                .optional();
        return stored.orElseThrow(IdempotencyKeyReusedException::new);
    }

    /** A SHA-256 over what the request is ({@code POST /api/petitions}) and its body as JSON. */
    public static String hash(String request, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
