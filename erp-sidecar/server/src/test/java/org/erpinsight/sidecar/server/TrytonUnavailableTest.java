package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * A Tryton that is not there, or that never answers, gives the contract's ERP_UNAVAILABLE (503)
 * within the configured timeout, and /health says DOWN. Needs no Tryton: the sockets are ours.
 */
public class TrytonUnavailableTest {

    private static SidecarServer sidecar(int trytonPort) throws Exception {
        Path dir = Files.createTempDirectory("tryton-down");
        Files.writeString(dir.resolve("password"), "secret\n");
        return SidecarServer.start(SidecarConfig.load(new String[] {"--port", "0", "--data-dir", dir.toString(),
            "--api-key", "t:" + RunningSidecar.KEY, "--adapter", "tryton", "--set", "tryton.url=http://127.0.0.1:" + trytonPort,
            "--set", "tryton.database=erpinsight", "--set", "tryton.password.file=" + dir.resolve("password"),
            "--set", "tryton.timeout.seconds=1"}, Map.of()));
    }

    private static HttpResponse<String> overview(SidecarServer server) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                server.baseUri().resolve("/api/v1/customers/2/overview")).header("X-API-Key", RunningSidecar.KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void anAbsentTrytonIsErpUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (SidecarServer server = sidecar(closed)) {
            HttpResponse<String> r = overview(server);
            assertEquals(r.body(), 503, r.statusCode());
            assertTrue(r.body().contains("\"code\":\"ERP_UNAVAILABLE\""));
            assertTrue("the password never shows", !r.body().contains("secret"));
            assertTrue(r.body(), !r.body().contains("reached: null"));
            HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.baseUri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("DOWN"));
        }
    }

    @Test
    public void aStoppingSidecarFinishesTheRequestsInFlight() throws Exception {
        try (SilentErp silent = new SilentErp()) {
            SidecarServer server = sidecar(silent.port());
            // a request that waits a second for the silent ERP is in flight when the stop begins
            java.util.concurrent.CompletableFuture<HttpResponse<String>> inFlight = java.net.http.HttpClient.newHttpClient()
                    .sendAsync(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/customers/2/overview"))
                            .header("X-API-Key", RunningSidecar.KEY).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            server.close();
            HttpResponse<String> answer = inFlight.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("answered, not cut off", 503, answer.statusCode());
            assertTrue(answer.body().contains("ERP_UNAVAILABLE"));
        }
    }

    @Test
    public void aTrytonThatNeverAnswersIsErpUnavailableAfterTheTimeout() throws Exception {
        try (SilentErp silent = new SilentErp(); SidecarServer server = sidecar(silent.port())) {
            HttpResponse<String> r = overview(server);
            assertEquals(r.body(), 503, r.statusCode());
            assertTrue(r.body(), r.body().contains("did not answer within 1 s"));
        }
    }

    /** An ERP that accepts connections and never says a word; holds the sockets until closed. */
    private static final class SilentErp implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());

        SilentErp() throws java.io.IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(socket.accept());
                    }
                } catch (java.io.IOException closed) {
                    // closed: the test is over
                }
            }, "silent-erp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }
}
