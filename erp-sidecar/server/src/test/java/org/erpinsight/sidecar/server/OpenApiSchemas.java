package org.erpinsight.sidecar.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON answer against a schema of the checked-in OpenAPI document: types, required
 * and undeclared properties, enums, patterns, nullability, $ref and allOf. Enough of JSON
 * Schema to catch the sidecar drifting from its contract; returns the violations found.
 */
final class OpenApiSchemas {
    private final JsonNode document;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    List<String> violations(JsonNode value, String schemaName) {
        List<String> problems = new ArrayList<>();
        check(value, document.at("/components/schemas/" + schemaName), "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        schema = resolve(schema);
        if (schema.isMissingNode()) {
            problems.add(path + ": schema not found");
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": null but not nullable");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, path, problems);
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object");
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(path + ": missing required " + required.asText());
                    }
                }
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    JsonNode property = schema.path("properties").path(name);
                    if (property.isMissingNode()) {
                        if (!schema.path("additionalProperties").asBoolean(true)) {
                            problems.add(path + ": undeclared property " + name);
                        }
                    } else {
                        check(value.get(name), property, path + "." + name, problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected a string, got " + value);
                    return;
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                    problems.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": expected an integer, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected a boolean, got " + value);
                }
            }
            default -> {
                // no type: only allOf / $ref constraints apply
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }
}
