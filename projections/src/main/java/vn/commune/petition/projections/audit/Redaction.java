package vn.commune.petition.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Removes the values of the personal fields from an event's data, leaving the rest as it was. */
final class Redaction {

    private Redaction() {
    }

    static JsonNode erase(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(),
                    CanonicalEncoding.PERSONAL_FIELDS.contains(field.getKey())
                            ? JsonNodeFactory.instance.nullNode() : erase(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(erase(item)));
            return copy;
        }
        return node;
    }
}
