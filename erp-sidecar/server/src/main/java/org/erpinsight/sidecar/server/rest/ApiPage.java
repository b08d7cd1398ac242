package org.erpinsight.sidecar.server.rest;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The browsable API page at /api/v1/docs: the checked-in OpenAPI document rendered as HTML
 * (operations with their parameters, bodies and answers; the schemas with their fields), so
 * that an integrator can read the contract without any tool. No script, no external assets.
 */
final class ApiPage {
    private ApiPage() {
    }

    static String render(byte[] openApi) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(openApi);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(doc.at("/info/title").asText())).append(" API</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;line-height:1.4}")
                .append("code,.path{font-family:ui-monospace,monospace}.op{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.6em 1em}")
                .append(".verb{display:inline-block;min-width:4em;font-weight:bold}.get{color:#1a6}.post{color:#36c}.put{color:#c70}")
                .append("table{border-collapse:collapse}td,th{padding:.15em .8em .15em 0;text-align:left;vertical-align:top}")
                .append("th{color:#666;font-weight:normal}.schema{margin:1.5em 0}pre{white-space:pre-wrap}body{padding:0 1em}")
                .append("</style></head><body><h1>").append(esc(doc.at("/info/title").asText())).append(" <small>v")
                .append(esc(doc.at("/info/version").asText())).append("</small></h1><p>").append(esc(doc.at("/info/description").asText()))
                .append("</p><p>Machine-readable: <a href=\"openapi.json\">openapi.json</a> · SOAP: <a href=\"../../soap/erp?wsdl\">WSDL</a>")
                .append(" · Authenticate with the header <code>X-API-Key</code>.</p><h2>Operations</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operation(html, doc, path.getKey(), op.getKey(), op.getValue());
            }
        }
        html.append("<h2>Schemas</h2>");
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.at("/components/schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            html.append("<div class=\"schema\" id=\"").append(esc(schema.getKey())).append("\"><h3>").append(esc(schema.getKey()))
                    .append("</h3>");
            JsonNode s = schema.getValue();
            if (s.has("properties")) {
                html.append("<table><tr><th>field</th><th>type</th><th></th></tr>");
                for (Iterator<Map.Entry<String, JsonNode>> props = s.get("properties").fields(); props.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = props.next();
                    boolean required = false;
                    for (JsonNode r : s.path("required")) {
                        required |= r.asText().equals(p.getKey());
                    }
                    html.append("<tr><td><code>").append(esc(p.getKey())).append("</code></td><td>").append(type(p.getValue()))
                            .append("</td><td>").append(required ? "required" : "optional")
                            .append(p.getValue().has("description") ? " · " + esc(p.getValue().get("description").asText()) : "")
                            .append("</td></tr>");
                }
                html.append("</table>");
            } else {
                html.append("<p>").append(type(s)).append("</p>");
            }
            if (s.has("example")) {
                html.append("<details><summary>Example</summary><pre>").append(esc(s.get("example").toPrettyString()))
                        .append("</pre></details>");
            }
            html.append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    private static void operation(StringBuilder html, JsonNode doc, String path, String verb, JsonNode op) {
        html.append("<div class=\"op\" id=\"").append(esc(op.path("operationId").asText())).append("\"><span class=\"verb ")
                .append(esc(verb)).append("\">").append(esc(verb.toUpperCase(java.util.Locale.ROOT))).append("</span> <span class=\"path\">/api/v1")
                .append(esc(path)).append("</span> <code>").append(esc(op.path("operationId").asText())).append("</code><p>")
                .append(esc(op.path("summary").asText())).append("</p>");
        if (op.has("parameters")) {
            html.append("<table><tr><th>parameter</th><th>in</th><th>type</th></tr>");
            for (JsonNode parameter : op.get("parameters")) {
                JsonNode p = resolve(doc, parameter);
                html.append("<tr><td><code>").append(esc(p.path("name").asText())).append("</code>")
                        .append(p.path("required").asBoolean() ? " (required)" : "").append("</td><td>").append(esc(p.path("in").asText()))
                        .append("</td><td>").append(type(p.path("schema"))).append("</td></tr>");
            }
            html.append("</table>");
        }
        if (op.has("requestBody")) {
            html.append("<p>Body: ").append(type(op.at("/requestBody/content/application~1json/schema"))).append("</p>");
        }
        html.append("<p>Answers: ");
        for (Iterator<Map.Entry<String, JsonNode>> responses = op.get("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> r = responses.next();
            html.append("<span title=\"").append(esc(resolve(doc, r.getValue()).path("description").asText())).append("\">")
                    .append(esc(r.getKey())).append("</span> ");
        }
        html.append("</p></div>");
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static String type(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceAll(".*/", "");
            return "<a href=\"#" + esc(name) + "\">" + esc(name) + "</a>";
        }
        if (schema.has("allOf")) {
            return type(schema.get("allOf").get(0)) + (schema.path("nullable").asBoolean() ? " or null" : "");
        }
        String type = schema.path("type").asText("any");
        if (type.equals("array")) {
            return "array of " + type(schema.path("items"));
        }
        StringBuilder text = new StringBuilder(esc(type));
        if (schema.has("format")) {
            text.append(" (").append(esc(schema.get("format").asText())).append(')');
        }
        if (schema.has("enum")) {
            text.append(": ").append(esc(schema.get("enum").toString()));
        }
        if (schema.path("nullable").asBoolean()) {
            text.append(" or null");
        }
        return text.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
