package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * HTTPS with required client certificates, on key stores made here with the JDK's keytool: a
 * client with a trusted certificate is let in with the configured scopes, one without is not.
 */
public class TlsTest {
    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();
    private static final String PASSWORD = "changeit-0123";
    private static Path dir;
    private static SidecarServer server;

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }

    @BeforeClass
    public static void start() throws Exception {
        dir = FOLDER.newFolder("tls").toPath();
        for (String who : new String[] {"server", "client", "stranger"}) {
            keytool("-genkeypair", "-alias", who, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=" + (who.equals("server") ? "localhost" : "crm-" + who), "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-keystore", who + ".p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", who, "-keystore", who + ".p12", "-storepass", PASSWORD, "-file", who + ".crt");
        }
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-keystore", "server-trust.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-keystore", "client-trust.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        server = SidecarServer.start(SidecarConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("data").toString(),
            "--api-key", "k:" + RunningSidecar.KEY, "--tls-keystore", dir.resolve("server.p12").toString(),
            "--tls-keystore-password-file", dir.resolve("password").toString(),
            "--tls-truststore", dir.resolve("server-trust.p12").toString(),
            "--tls-truststore-password-file", dir.resolve("password").toString(), "--client-cert-scopes", "read+orders"}, Map.of()));
    }

    @AfterClass
    public static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpClient client(String identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("client-trust.p12"))) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(identity + ".p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    @Test
    public void aTrustedClientCertificateAuthenticatesWithItsScopes() throws Exception {
        assertTrue(server.baseUri().toString().startsWith("https://"));
        HttpResponse<String> read = client("client").send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/customers/10001"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(read.body(), 200, read.statusCode());
        HttpResponse<String> admin = client("client").send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/customers"))
                .header("Idempotency-Key", "tls-test-0001").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Via TLS\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("the certificate's scopes do not include admin", 403, admin.statusCode());
    }

    @Test
    public void aClientWhoseCertificateIsNotTrustedCannotConnect() {
        assertThrows(IOException.class, () -> client("stranger").send(HttpRequest.newBuilder(
                server.baseUri().resolve("/api/v1/customers/10001")).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
