package org.erpinsight.sidecar.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.rules.ExternalResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real sidecar on a free port with small demo data, for one test class. */
public final class RunningSidecar extends ExternalResource {
    /** A key with every scope. */
    public static final String KEY = "test-secret-0123456789";
    /** A key that may only read. */
    public static final String READ_KEY = "read-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] extraArgs;
    private Path dataDir;
    private SidecarServer server;

    public RunningSidecar(String... extraArgs) {
        this.extraArgs = extraArgs;
    }

    @Override
    public void before() throws Exception {
        dataDir = Files.createTempDirectory("sidecar-test");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--port", "0", "--data-dir", dataDir.toString(),
            "--api-key", "tests:" + KEY + ":read+orders+admin", "--api-key", "reader:" + READ_KEY, "--rate-limit", "0"));
        args.addAll(java.util.List.of(extraArgs));
        server = SidecarServer.start(SidecarConfig.load(args.toArray(String[]::new), Map.of()));
    }

    @Override
    public void after() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is no test failure
        }
    }

    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    public SidecarServer server() {
        return server;
    }

    public HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, KEY);
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends JSON with a method (POST, PUT) and optional Idempotency-Key. */
    public HttpResponse<String> send(String method, String path, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-API-Key", KEY)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode jsonOf(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> soap(String body, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/soap/erp"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A SOAP 1.1 envelope around one operation element of the contract's namespace. */
    public static String envelope(String operation, String content) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><v:" + operation
                + " xmlns:v=\"http://erpinsight.org/sidecar/v1\">" + content + "</v:" + operation
                + "></soap:Body></soap:Envelope>";
    }
}
