package org.erpinsight.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A stock Apache Karaf, unpacked from the distribution Maven downloaded, bound to loopback on free
 * ports, started as a process of its own. The test drives it the way an admin does: the Karaf shell
 * (through {@code bin/client}) for commands, {@code etc/*.cfg} files for configuration; and reads its
 * state through Karaf's own JMX MBeans (bundles, components, servlets).
 */
final class Karaf implements AutoCloseable {
    static final String USER = "karaf";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final Path home;
    final int httpPort;
    private final int sshPort;
    private final int rmiRegistryPort;
    private final int rmiServerPort;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Karaf(Path home) throws IOException {
        this.home = home;
        this.httpPort = freePort();
        this.sshPort = freePort();
        this.rmiRegistryPort = freePort();
        this.rmiServerPort = freePort();
    }

    /** Unpacks the distribution into a fresh folder and configures it for a test on loopback. */
    static Karaf unpack(Path distribution, Path mavenLocalRepository) throws Exception {
        // under target/, so that its logs stay for a look after a failure and a clean build removes it
        Files.createDirectories(Path.of("target"));
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "karaf-");
        run(List.of("tar", "xzf", distribution.toString(), "-C", dir.toString()));
        Path home;
        try (Stream<Path> entries = Files.list(dir)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Karaf karaf = new Karaf(home);
        karaf.configure(mavenLocalRepository);
        return karaf;
    }

    private void configure(Path mavenLocalRepository) throws IOException {
        Path etc = home.resolve("etc");
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "sshHost = 127.0.0.1");
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "rmiRegistryPort = " + rmiRegistryPort);
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "rmiServerPort = " + rmiServerPort);
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryHost", "rmiRegistryHost = 127.0.0.1");
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerHost", "rmiServerHost = 127.0.0.1");
        // the admin user ships commented out
        String users = Files.readString(etc.resolve("users.properties"))
                .replace("#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup")
                .replace("#_g_\\:admingroup", "_g_\\:admingroup");
        Files.writeString(etc.resolve("users.properties"), users);
        Files.writeString(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + httpPort + "\n"
                + "org.ops4j.pax.web.listening.addresses = 127.0.0.1\n");
        // Karaf fetches the standard features' bundles from Maven Central into the build's own local repository
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), Files.readString(etc.resolve("org.ops4j.pax.url.mvn.cfg"))
                + "\norg.ops4j.pax.url.mvn.localRepository = " + mavenLocalRepository + "\n");
    }

    /** Copies a Maven-layout folder (the install kit) into Karaf's own repository, {@code system/}. */
    void addToSystemRepository(Path kit) throws IOException {
        Path system = home.resolve("system");
        try (Stream<Path> files = Files.walk(kit)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = system.resolve(kit.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_MAX_MEM", "512m");
        process = pb.start();
        // the shell answers once the boot features are in
        shell("bundle:list -t 0 | head -1");
    }

    /**
     * Runs shell commands as the admin would type them, one per line, and returns what they print.
     * Fails when a command is unknown or fails.
     */
    String shell(String... commands) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", String.valueOf(sshPort),
                "-u", USER, "-p", USER, "-r", String.valueOf(START_TIMEOUT.toSeconds() / 2), "-d", "2", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = pb.start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        byte[] out = client.getInputStream().readAllBytes();
        if (!client.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("Karaf's shell did not answer: " + String.join("; ", commands));
        }
        String text = new String(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        if (text.contains("Command not found") || text.contains("Error executing command") || client.exitValue() != 0) {
            throw new AssertionError("Karaf's shell refused " + String.join("; ", commands) + ":\n" + text + "\n" + logTail());
        }
        return text;
    }

    /** Writes a configuration file into etc/, where Karaf's file install hands it to Configuration Admin. */
    void configure(String fileName, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Path tmp = home.resolve("etc").resolve(fileName + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, home.resolve("etc").resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Rows of one of Karaf's MBeans' tabular attributes (Bundles, ComponentConfigs, Servlets). */
    List<CompositeData> rows(String type, String attribute) throws Exception {
        TabularData table = (TabularData) attribute("org.apache.karaf:type=" + type + ",name=root", attribute);
        List<CompositeData> rows = new ArrayList<>();
        for (Object row : table.values()) {
            rows.add((CompositeData) row);
        }
        return rows;
    }

    private interface JmxCall<T> {
        T on(MBeanServerConnection server) throws Exception;
    }

    /** Karaf's JMX connector on loopback, as its admin user. */
    private <T> T jmx(JmxCall<T> call) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + rmiServerPort + "/jndi/rmi://127.0.0.1:"
                + rmiRegistryPort + "/karaf-root");
        try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {USER, USER}))) {
            return call.on(connector.getMBeanServerConnection());
        }
    }

    /** One attribute of any MBean, e.g. a health check's. */
    Object attribute(String objectName, String attribute) throws Exception {
        return jmx(server -> server.getAttribute(new ObjectName(objectName), attribute));
    }

    /** The names of the MBeans that match a pattern. */
    java.util.Set<ObjectName> names(String pattern) throws Exception {
        return jmx(server -> server.queryNames(new ObjectName(pattern), null));
    }

    HttpResponse<String> getAsAdmin(String path) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString((USER + ":" + USER).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("data/log/karaf.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no karaf.log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/stop").toString()), Map.of("JAVA_HOME", System.getProperty("java.home")));
        } catch (Exception | AssertionError e) {
            // fall through to killing it
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private static void replaceLine(Path file, String key, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + key + "\\s*=.*")) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        Files.write(file, lines);
    }

    private static void run(List<String> command) throws Exception {
        run(command, Map.of());
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
