package org.erpinsight.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.erpinsight.sidecar.server.SidecarConfig;
import org.erpinsight.sidecar.server.SidecarServer;
import org.junit.rules.ExternalResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real sidecar (reference ERP, small demo data, unless told another adapter) in the test's JVM, on a free port. */
final class Sidecar extends ExternalResource {
    static final String KEY = "it-secret-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String[] extraArgs;
    private SidecarServer server;

    /** @param extraArgs more command-line arguments, e.g. {@code --adapter tryton --set ...} */
    Sidecar(String... extraArgs) {
        this.extraArgs = extraArgs;
    }

    @Override
    protected void before() throws Exception {
        String expectedJava = System.getProperty("erpinsight.expect.java");
        if (expectedJava != null && Runtime.version().feature() != Integer.parseInt(expectedJava)) {
            throw new AssertionError("this run is meant for Java " + expectedJava + " but runs on " + Runtime.version());
        }
        Path data = Files.createTempDirectory("it-sidecar");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--port", "0", "--data-dir", data.toString(),
            "--api-key", "it:" + KEY + ":read+orders+admin"));
        args.addAll(java.util.List.of(extraArgs));
        server = SidecarServer.start(SidecarConfig.load(args.toArray(String[]::new), Map.of()));
    }

    @Override
    protected void after() {
        stop();
    }

    /** Stops the sidecar (also in the middle of a test: a sidecar going down). */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private URI uri;

    URI baseUri() {
        if (uri == null) {
            uri = server.baseUri();
        }
        return uri;
    }

    /** The sidecar's Prometheus metrics, e.g. to see which transport a call came over. */
    String metrics() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUri().resolve("/metrics"))
                .header("X-API-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return response.body();
    }

    /** What the sidecar's REST API answers for a path, as the test's independent reference. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUri().resolve(path))
                .header("X-API-Key", KEY).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }
}
