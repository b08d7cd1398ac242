package org.erpinsight.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.rules.ExternalResource;

/**
 * The exported reference host (reference-host.jar: Felix launched by bnd from the resolved
 * reference-host.bndrun) in its own JVM, configured for one sidecar and transport.
 */
final class ReferenceHost extends ExternalResource {
    private final Supplier<URI> sidecar;
    private final String apiKey;
    private final String transport;
    private final String readyWhen;
    private final List<String> extraProperties;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;
    private Path log;

    /** A host that is ready when the company linked out of the box shows ERP figures. */
    ReferenceHost(Supplier<URI> sidecar, String apiKey, String transport) {
        this(sidecar, apiKey, transport, "data-figure=\"balance\"");
    }

    /**
     * A host that is ready when the page of the company linked out of the box contains {@code readyWhen};
     * {@code extraProperties} are more -D launch properties.
     */
    ReferenceHost(Supplier<URI> sidecar, String apiKey, String transport, String readyWhen, String... extraProperties) {
        this.sidecar = sidecar;
        this.apiKey = apiKey;
        this.transport = transport;
        this.readyWhen = readyWhen;
        this.extraProperties = List.of(extraProperties);
    }

    @Override
    protected void before() throws Exception {
        Path jar = Path.of(System.getProperty("reference.host.jar", "../crm-plugin/reference-host-app/target/reference-host.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the reference host first: " + jar + " is missing");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path logs = Path.of(System.getProperty("test.logs", "target/logs"));
        Files.createDirectories(logs);
        log = logs.resolve("reference-host-" + transport + "-" + Integer.toHexString(System.identityHashCode(this)) + ".log");
        Path storage = Files.createTempDirectory("it-host-" + transport);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dlaunch.storage.dir=" + storage,
                "-Dorg.osgi.service.http.port=" + port,
                "-Derpinsight.sidecar.url=" + sidecar.get(),
                "-Derpinsight.sidecar.apiKey=" + apiKey,
                "-Derpinsight.sidecar.transport=" + transport));
        extraProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                // ready when the plugin's bundles have started and the sidecar configuration is applied
                HttpResponse<String> page = get("/crm/company/c-1001", null);
                if (page.statusCode() == 200 && page.body().contains(readyWhen)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                after();
                throw new IllegalStateException("The reference host did not start; see " + log + ":\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @Override
    protected void after() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            request.header("Cookie", "crm-user=" + user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same, for documents: the body as bytes. */
    HttpResponse<byte[]> getBytes(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (user != null) {
            request.header("Cookie", "crm-user=" + user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getWithBasicAuth(String path, String user, String password) throws IOException, InterruptedException {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form as a browser would, asking for a JSON answer. */
    HttpResponse<String> postForm(String path, String user, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Cookie", "crm-user=" + user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post as a browser sends it: fields in order, names repeated for table rows, an HTML answer wanted. */
    HttpResponse<String> postFields(String path, String user, List<String[]> fields) throws IOException, InterruptedException {
        String body = fields.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Cookie", "crm-user=" + user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }
}
