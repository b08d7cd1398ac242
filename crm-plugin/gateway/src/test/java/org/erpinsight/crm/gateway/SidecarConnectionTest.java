package org.erpinsight.crm.gateway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.transport.SidecarTransport;
import org.junit.After;
import org.junit.Test;

/**
 * A connection's failure modes against real sockets: a sidecar that accepts but never
 * answers, one that is not there, and a transport that is not installed.
 */
public class SidecarConnectionTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @After
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static SidecarConfiguration config(String url, String transport, int readTimeoutMillis) {
        return new SidecarConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return SidecarConfiguration.class; }
            @Override public String source() { return "test"; }
            @Override public String url() { return url; }
            @Override public String transport() { return transport; }
            @Override public String _apiKey() { return "secret-0123456789"; }
            @Override public int connectTimeoutMillis() { return 500; }
            @Override public int readTimeoutMillis() { return readTimeoutMillis; }
            @Override public int maxConcurrentCalls() { return 2; }
            @Override public int maxBackgroundCalls() { return 1; }
            @Override public String _backgroundApiKey() { return ""; }
            @Override public int breakerFailures() { return 2; }
            @Override public int breakerOpenSeconds() { return 30; }
        };
    }

    private SidecarConnection connection(String url, String transport, int readTimeoutMillis) {
        SidecarConnection connection = new SidecarConnection(config(url, transport, readTimeoutMillis));
        connection.addTransport(new RestTransport(), Map.of(SidecarTransport.PROPERTY, SidecarTransport.REST));
        open.add(connection::deactivate);
        return connection;
    }

    @Test
    public void aSidecarThatNeverAnswersFailsTheCallAfterTheDeadline() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        open.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // accept, read nothing, answer nothing
                }
            } catch (IOException closed) {
                // test over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        SidecarConnection connection = connection("http://127.0.0.1:" + silent.getLocalPort(), SidecarTransport.REST, 300);
        ErpGatewayException e = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customerOverview("10001")));
        assertEquals(ErpErrorCode.SIDECAR_UNREACHABLE, e.code());
        // one timeout pauses it: the next call (the page's next tab) fails at once instead of waiting again
        long start = System.nanoTime();
        ErpGatewayException paused = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertTrue(paused.getMessage(), paused.getMessage().contains("not asked again"));
        assertTrue("failed at once", System.nanoTime() - start < 100_000_000L);
        assertEquals(org.erpinsight.crm.api.status.SidecarStatus.State.PAUSED, connection.status().state());
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    public void aSidecarThatIsNotThereIsUnreachableNotAnError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SidecarConnection connection = connection("http://127.0.0.1:" + closedPort, SidecarTransport.REST, 1000);
        ErpGatewayException e = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertEquals(ErpErrorCode.SIDECAR_UNREACHABLE, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("cannot be reached"));
        assertTrue("says why, not 'null'", !e.getMessage().endsWith("null"));
        assertTrue("the key is never in a message", !e.getMessage().contains("secret-0123456789"));
    }

    @Test
    public void aSidecarThatKeepsFailingIsPausedThenTriedAgain() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        SidecarConnection connection = new SidecarConnection(config("http://127.0.0.1:" + closedPort, SidecarTransport.REST, 1000), now::get);
        connection.addTransport(new RestTransport(), Map.of(SidecarTransport.PROPERTY, SidecarTransport.REST));
        open.add(connection::deactivate);
        for (int i = 0; i < 2; i++) {
            ErpGatewayException e = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
            assertTrue(e.getMessage(), e.getMessage().contains("cannot be reached"));
        }
        ErpGatewayException paused = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertEquals(ErpErrorCode.SIDECAR_UNREACHABLE, paused.code());
        assertTrue(paused.getMessage(), paused.getMessage().contains("not asked again for 30 s"));
        now.addAndGet(31_000_000_000L);
        ErpGatewayException retried = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertTrue("after the pause one call tries again", retried.getMessage().contains("cannot be reached"));
        assertTrue(assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")))
                .getMessage().contains("not asked again"));
    }

    @Test
    public void aTransportWhoseServiceIsGoneIsForgottenByItsName() {
        // SCR unbinds with a null service object when the transport's bundle stops meanwhile (seen in Karaf)
        SidecarConnection connection = connection("http://127.0.0.1:1", SidecarTransport.REST, 1000);
        connection.removeTransport(null, Map.of(SidecarTransport.PROPERTY, SidecarTransport.REST));
        ErpGatewayException e = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertEquals(ErpErrorCode.TRANSPORT_MISSING, e.code());
    }

    @Test
    public void aTransportThatIsNotInstalledIsNamed() {
        SidecarConnection connection = connection("http://127.0.0.1:1", SidecarTransport.SOAP, 1000);
        ErpGatewayException e = assertThrows(ErpGatewayException.class, () -> connection.call(c -> c.customer("10001")));
        assertEquals(ErpErrorCode.TRANSPORT_MISSING, e.code());
        assertTrue(e.getMessage().contains("soap"));
    }

    @Test
    public void badUrlsAndSourceNamesAreRefusedWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> SidecarConnection.endpoint(config("ftp://x", "rest", 1000)));
        assertThrows(IllegalArgumentException.class, () -> SidecarConnection.endpoint(config("not a url", "rest", 1000)));
        assertEquals("http://h:1", SidecarConnection.endpoint(config("http://h:1/", "rest", 1000)).url().toString());
        assertTrue("the endpoint's text leaves the key out",
                !SidecarConnection.endpoint(config("http://h:1", "rest", 1000)).toString().contains("secret"));
    }
}
