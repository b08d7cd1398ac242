package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.baseUri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("DOWN"));
        }
    }

    @Test
    public void aStoppingSidecarFinishesTheRequestsInFlight() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SidecarServer server = sidecar(silent.getLocalPort());
            // a request that waits a second for the silent ERP is in flight when the stop begins
            java.util.concurrent.CompletableFuture<HttpResponse<String>> inFlight = java.net.http.HttpClient.newHttpClient()
                    .sendAsync(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/customers/2/overview"))
                            .header("X-API-Key", RunningSidecar.KEY).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            server.close();
            HttpResponse<String> answer = inFlight.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("answered, not cut off", 503, answer.statusCode());
            assertTrue(answer.body().contains("ERP_UNAVAILABLE"));
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    public void aTrytonThatNeverAnswersIsErpUnavailableAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (SidecarServer server = sidecar(silent.getLocalPort())) {
                HttpResponse<String> r = overview(server);
                assertEquals(r.body(), 503, r.statusCode());
                assertTrue(r.body(), r.body().contains("did not answer within 1 s"));
            }
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
