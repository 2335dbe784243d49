package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical encoding of a stored event, as docs/AUDIT.md specifies it: one line of JSON with
 * sorted keys and no white space, in UTF-8, in which every personal field (fullName, address,
 * idNumber, phone) is replaced by its salted commitment. Its SHA-256 is the event's hash.
 */
public final class CanonicalEncoding {

    /** The hash before the first event of an aggregate. */
    public static final String GENESIS = "0".repeat(64);

    /** The JSON fields that hold personal data, wherever they appear in an event's data. */
    public static final Set<String> PERSONAL_FIELDS = Set.of("fullName", "address", "idNumber", "phone");

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalEncoding() {
    }

    /** One stored event's immutable fields, as read from the event table. */
    public record StoredEvent(String eventId, String aggregateId, long sequence, String type, String recordedAt,
                              String recordedBy, JsonNode data) {
    }

    /**
     * The canonical line of an event. {@code commitments} gives, by JSON path, the commitment of each
     * personal field; where the data still holds the value, the commitment is recomputed from it and
     * {@code salt}, and a difference is reported as {@link AlteredPersonalData}.
     */
    public static String encode(StoredEvent event, String previousHash, byte[] salt, Map<String, String> commitments) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("aggregateId", event.aggregateId());
        root.set("data", committed(event.data(), "", salt, commitments));
        root.put("eventId", event.eventId());
        root.put("previousHash", previousHash);
        root.put("recordedAt", event.recordedAt());
        root.put("recordedBy", event.recordedBy());
        root.put("sequence", event.sequence());
        root.put("type", event.type());
        try {
            return CANONICAL.writeValueAsString(sorted(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode an event", e);
        }
    }

    /** The commitments of the personal fields of {@code data} under {@code salt}, by JSON path. */
    public static Map<String, String> commitments(JsonNode data, byte[] salt) {
        Map<String, String> commitments = new TreeMap<>();
        collect(data, "", salt, commitments);
        return commitments;
    }

    /** SHA-256 of the salt followed by the value's UTF-8 bytes, in lower-case hex. */
    public static String commitment(byte[] salt, String value) {
        MessageDigest sha = sha256();
        sha.update(salt);
        return HEX.formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of the canonical line's UTF-8 bytes, in lower-case hex. */
    public static String hash(String canonical) {
        return HEX.formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void collect(JsonNode node, String path, byte[] salt, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "/" + field.getKey();
                if (PERSONAL_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    out.put(at, commitment(salt, field.getValue().asText()));
                } else {
                    collect(field.getValue(), at, salt, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, salt, out);
            }
        }
    }

    private static JsonNode committed(JsonNode node, String path, byte[] salt, Map<String, String> commitments) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "/" + field.getKey();
                if (PERSONAL_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                    String stored = commitments.get(at);
                    if (stored == null) {
                        throw new AlteredPersonalData(at, "a personal field without a recorded commitment");
                    }
                    if (field.getValue().isTextual() && salt != null
                            && !commitment(salt, field.getValue().asText()).equals(stored)) {
                        throw new AlteredPersonalData(at, "the personal field does not match its commitment");
                    }
                    copy.set(field.getKey(), JsonNodeFactory.instance.objectNode().put("commitment", stored));
                } else if (PERSONAL_FIELDS.contains(field.getKey()) && commitments.containsKey(at)) {
                    // Erased lawfully: the value is gone, its commitment stands in for it.
                    copy.set(field.getKey(), JsonNodeFactory.instance.objectNode().put("commitment", commitments.get(at)));
                } else {
                    copy.set(field.getKey(), committed(field.getValue(), at, salt, commitments));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(committed(node.get(i), path + "/" + i, salt, commitments));
            }
            return JsonNodeFactory.instance.arrayNode().addAll(items);
        }
        return node;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return JsonNodeFactory.instance.arrayNode().addAll(items);
        }
        return node;
    }

    /** A personal field that no longer matches the commitment recorded when the event was stored. */
    public static final class AlteredPersonalData extends RuntimeException {

        public AlteredPersonalData(String path, String problem) {
            super(problem + " at " + path);
        }
    }
}
