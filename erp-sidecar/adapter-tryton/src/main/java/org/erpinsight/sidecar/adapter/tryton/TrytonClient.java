package org.erpinsight.sidecar.adapter.tryton;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tryton's JSON-RPC: a session per client, signed in again when Tryton answers 401, the
 * user's preferences (with the company) as the context of every call, Tryton's Decimal, date
 * and timedelta encodings, bounded timeouts and answer sizes.
 */
final class TrytonClient {
    private static final Logger LOG = Logger.getLogger(TrytonClient.class.getName());
    /** Some Tryton errors come with very large bodies: read no more than this. */
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final TrytonSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private volatile String authorization;
    private volatile ObjectNode context;
    private volatile int userId;

    /** A user warning Tryton raised (for example the credit limit); accepting it is a separate step. */
    static final class Warning extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        Warning(String name, String message) {
            super(message);
            this.name = name;
        }
    }

    TrytonClient(TrytonSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(5, settings.timeout().toSeconds())))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    ObjectMapper json() {
        return json;
    }

    /** {@code model.<model>.<method>} with the given arguments and the user's context last. */
    JsonNode model(String model, String method, Object... args) {
        return call("model." + model + "." + method, null, args);
    }

    /** The same with a context of the caller's (for example prices for a customer, a quantity and a date). */
    JsonNode modelIn(Map<String, Object> context, String model, String method, Object... args) {
        return call("model." + model + "." + method, context, args);
    }

    /**
     * {@code report.<name>.execute} for records of a model: Tryton's own document, as
     * (extension, content). Tryton renders it as its report template says (OpenDocument by default).
     */
    Report report(String name, String model, int id) {
        JsonNode answer = call("report." + name + ".execute", null, list(id),
                Map.of("model", model, "id", id, "ids", list(id)));
        JsonNode content = answer.path(1);
        byte[] bytes = content.has("base64") ? Base64.getMimeDecoder().decode(content.get("base64").asText())
                : content.asText("").getBytes(StandardCharsets.UTF_8);
        return new Report(answer.path(0).asText(""), bytes);
    }

    record Report(String extension, byte[] content) {
    }

    int userId() {
        authorization();
        return userId;
    }

    /** Answers whether Tryton responds at all (no sign-in needed). */
    boolean ping() {
        try {
            send(settings.url(), "common.server.version", json.createArrayNode(), null);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode call(String method, Map<String, Object> callerContext, Object... args) {
        for (int attempt = 0; ; attempt++) {
            String auth = authorization();
            ArrayNode params = json.createArrayNode();
            for (Object arg : args) {
                params.add(encode(arg));
            }
            params.add(callerContext == null ? context.deepCopy() : encode(callerContext));
            try {
                return send(settings.url().resolve(settings.database() + "/"), method, params, auth);
            } catch (SessionExpired e) {
                if (attempt > 0) {
                    throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton refuses the sidecar's sign-in");
                }
                authorization = null;
            }
        }
    }

    private static final class SessionExpired extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private synchronized String authorization() {
        if (authorization == null) {
            ArrayNode params = json.createArrayNode();
            params.add(settings.user());
            params.add(json.createObjectNode().put("password", new String(settings.password())));
            params.add("en");
            JsonNode session;
            try {
                session = send(settings.url().resolve(settings.database() + "/"), "common.db.login", params, null);
            } catch (SessionExpired e) {
                throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton refuses the sidecar's user or password");
            }
            userId = session.get(0).asInt();
            String token = settings.user() + ":" + session.get(0).asText() + ":" + session.get(1).asText();
            authorization = "Session " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
            ArrayNode prefs = json.createArrayNode();
            prefs.add(true);
            prefs.add(json.createObjectNode());
            JsonNode preferences = send(settings.url().resolve(settings.database() + "/"), "model.res.user.get_preferences",
                    prefs, authorization);
            // company-dependent fields (credit limit, price list, receivable) read as null without the company
            ObjectNode ctx = json.createObjectNode();
            // the company only: more keys (employee, work time) make Tryton compute more on every read
            for (String key : new String[] {"company"}) {
                if (preferences.has(key)) {
                    ctx.set(key, preferences.get(key));
                }
            }
            if (settings.company() != null) {
                ctx.put("company", settings.company());
            }
            context = ctx;
        }
        return authorization;
    }

    ObjectNode context() {
        authorization();
        return context;
    }

    private JsonNode send(URI uri, String method, ArrayNode params, String auth) {
        ObjectNode request = json.createObjectNode();
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        request.set("params", params);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json");
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        HttpResponse<byte[]> response;
        byte[] body;
        long started = System.nanoTime();
        try {
            // bounded: a larger answer fails as soon as its length is known
            response = http.send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request))).build(),
                    info -> info.headers().firstValueAsLong("content-length").orElse(0) > MAX_ANSWER_BYTES
                            ? HttpResponse.BodySubscribers.replacing(new byte[0])
                            : HttpResponse.BodySubscribers.ofByteArray());
            body = response.body();
        } catch (HttpTimeoutException e) {
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton did not answer within " + settings.timeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton at " + settings.url() + " cannot be reached: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Interrupted while calling Tryton", e);
        }
        // the method and its time only: a request can hold the password (common.db.login)
        LOG.fine(() -> String.format("%s %.1f ms", method, (System.nanoTime() - started) / 1e6));
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new SessionExpired();
        }
        if (response.statusCode() != 200) {
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton answered HTTP " + response.statusCode() + " to " + method);
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (IOException e) {
            throw new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton's answer to " + method + " is not JSON-RPC", e);
        }
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw error(method, error);
        }
        return answer.get("result");
    }

    private static RuntimeException error(String method, JsonNode error) {
        String type = error.path(0).asText();
        JsonNode details = error.path(1);
        if (type.contains("UserWarning")) {
            return new Warning(details.path(0).asText(), details.path(1).asText());
        }
        String message = details.isArray() ? details.path(0).asText() : details.asText();
        if (type.contains("UserError") || type.contains("ValidationError") || type.contains("DomainValidationError")) {
            return new ErpException(ErrorCode.INVALID_REQUEST, "Tryton refused it: " + shorten(message));
        }
        if (type.contains("LoginException") || type.contains("Unauthorized")) {
            return new SessionExpired();
        }
        LOG.warning(() -> "Tryton failed on " + method + ": " + type + " " + shorten(message));
        return new ErpException(ErrorCode.ERP_UNAVAILABLE, "Tryton failed on " + method + " (" + type + ")");
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Java values to Tryton's JSON: BigDecimal, LocalDate and Duration get Tryton's class markers. */
    JsonNode encode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof BigDecimal d) {
            return json.createObjectNode().put("__class__", "Decimal").put("decimal", d.toPlainString());
        }
        if (value instanceof LocalDate date) {
            return json.createObjectNode().put("__class__", "date").put("year", date.getYear()).put("month", date.getMonthValue())
                    .put("day", date.getDayOfMonth());
        }
        if (value instanceof Duration d) {
            return json.createObjectNode().put("__class__", "timedelta").put("seconds", d.toMillis() / 1000.0);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = json.createArrayNode();
            list.forEach(v -> array.add(encode(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = json.createObjectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), encode(v)));
            return object;
        }
        return json.valueToTree(value);
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return new BigDecimal(node.get("decimal").asText());
        }
        return node.decimalValue();
    }

    static LocalDate date(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return LocalDate.of(node.get("year").asInt(), node.get("month").asInt(), node.get("day").asInt());
    }

    static Duration duration(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(node.get("seconds").asDouble() * 1000));
    }

    /** A domain or list built from Java values: {@code list("code", "=", "10001")}. */
    static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }
}
