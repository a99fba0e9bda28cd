package dev.portcullis.audit.internal;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.admin.AdminChange.FieldChange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field changes as the JSON stored in the log: {@code [{"field":"title","old":"A","new":"B"},
 * {"field":"passwordHash","masked":true}]}. A masked field carries no values at all.
 */
final class ChangesJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ChangesJson() {
    }

    static String write(List<FieldChange> changes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("field", change.field());
            if (change.masked()) {
                node.put("masked", true);
            } else {
                node.put("old", change.oldValue());
                node.put("new", change.newValue());
            }
        }
        return MAPPER.writeValueAsString(array);
    }

    /** The changes of a stored entry; an entry whose JSON was damaged reads as one change saying so. */
    static List<FieldChange> read(String json) {
        List<FieldChange> changes = new ArrayList<>();
        try {
            for (JsonNode node : MAPPER.readTree(json)) {
                boolean masked = node.path("masked").asBoolean(false);
                changes.add(new FieldChange(node.path("field").asString("?"),
                        masked ? null : text(node.get("old")), masked ? null : text(node.get("new")), masked));
            }
        } catch (RuntimeException unreadable) {
            return List.of(new FieldChange("(unreadable)", null, json, false));
        }
        return changes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
