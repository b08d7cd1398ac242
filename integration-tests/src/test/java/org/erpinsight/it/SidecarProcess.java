package org.erpinsight.it;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.rules.ExternalResource;

/**
 * The sidecar's runnable jar in a JVM of its own, so that a test can freeze it as an operator's
 * mistake or a stuck machine would: {@code kill -STOP} leaves its socket accepting connections
 * that are never answered.
 */
final class SidecarProcess extends ExternalResource {
    private Process process;
    private int port;

    @Override
    protected void before() throws Exception {
        Path jar = Path.of(System.getProperty("sidecar.app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the sidecar first: " + jar + " is missing");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path logs = Path.of(System.getProperty("test.logs", "target/logs"));
        Files.createDirectories(logs);
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar.toString(), "--port", String.valueOf(port), "--data-dir", Files.createTempDirectory("it-sidecar-process").toString(),
                "--api-key", "it:" + Sidecar.KEY + ":read+orders+admin"))
                .redirectErrorStream(true).redirectOutput(logs.resolve("sidecar-process-" + port + ".log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The sidecar did not start on port " + port);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void freeze() throws Exception {
        signal("-STOP");
    }

    void thaw() throws Exception {
        signal("-CONT");
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + signal + " failed");
        }
    }

    @Override
    protected void after() {
        if (process != null) {
            try {
                thaw();
            } catch (Exception e) {
                // it is being killed anyway
            }
            process.destroyForcibly();
            process = null;
        }
    }
}
