package org.erpinsight.crm.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Starts the reference host: Felix with the bundles that bnd resolved from {@code reference-host.bndrun}
 * and exported (their list and the run properties in {@code launcher.properties}, the jars under
 * {@code jar/}). It replaces bnd's own launcher, which calls {@code Policy.setPolicy} and so cannot
 * start on Java 24 and later.
 *
 * <p>System properties: {@code launch.storage.dir} (the framework's storage), {@code launch.keep}
 * ({@code true} keeps bundles, configuration and links between runs; otherwise the storage starts
 * empty). Any {@code -D} property also reaches the framework, and wins over a run property.
 */
public final class HostLauncher {
    private static final String LOCATION_PREFIX = "reference-host:";
    private static final String DIGESTS = "erpinsight-launcher.properties";

    private HostLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Properties launch = new Properties();
        try (InputStream in = resource("launcher.properties")) {
            launch.load(in);
        }
        boolean keep = Boolean.parseBoolean(System.getProperty("launch.keep", "false"));
        Path storage = Path.of(System.getProperty("launch.storage.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "reference-host-" + ProcessHandle.current().pid()).toString()));

        Map<String, String> config = new HashMap<>();
        launch.stringPropertyNames().stream().filter(k -> !k.startsWith("launch.")).forEach(k -> config.put(k, launch.getProperty(k)));
        System.getProperties().stringPropertyNames().stream().filter(config::containsKey)
                .forEach(k -> config.put(k, System.getProperty(k)));
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        if (!keep) {
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path")).newFramework(config);
        framework.init();
        List<Bundle> bundles = install(framework.getBundleContext(), List.of(launch.getProperty("launch.bundles", "").split(",")), storage);
        framework.start();
        for (Bundle bundle : bundles) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    System.err.println("! " + bundle.getSymbolicName() + " did not start: " + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                    if (e.getCause() != null) {
                        e.getCause().printStackTrace();
                    }
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(15_000);
            } catch (Exception e) {
                System.err.println("! The framework did not stop cleanly: " + e);
            }
        }, "reference-host-shutdown"));
        framework.waitForStop(0);
    }

    /**
     * Installs the exported bundles, or, in a kept storage, updates those whose jar changed and
     * uninstalls those no longer exported. Bundles are matched by symbolic name, not location: a
     * storage kept from an older launcher (bnd's, with other locations) is taken over as it is.
     */
    private static List<Bundle> install(BundleContext context, List<String> jars, Path storage) throws Exception {
        Properties digests = new Properties();
        Path digestFile = storage.resolve(DIGESTS);
        if (Files.isRegularFile(digestFile)) {
            try (Reader in = Files.newBufferedReader(digestFile, StandardCharsets.UTF_8)) {
                digests.load(in);
            }
        }
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                installed.put(bundle.getSymbolicName(), bundle);
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        java.util.Set<String> exported = new java.util.HashSet<>();
        for (String jar : jars) {
            if (jar.isBlank()) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = resource(jar.strip())) {
                bytes = in.readAllBytes();
            }
            String name = symbolicName(bytes, jar);
            String digest = sha256(bytes);
            exported.add(name);
            Bundle bundle = installed.get(name);
            if (bundle == null) {
                bundle = context.installBundle(LOCATION_PREFIX + Path.of(jar.strip()).getFileName(), new java.io.ByteArrayInputStream(bytes));
            } else if (!digest.equals(digests.getProperty(name))) {
                bundle.update(new java.io.ByteArrayInputStream(bytes));
            }
            digests.setProperty(name, digest);
            bundles.add(bundle);
        }
        // the launcher owns this framework: what is no longer exported goes
        for (Map.Entry<String, Bundle> entry : installed.entrySet()) {
            if (!exported.contains(entry.getKey())) {
                entry.getValue().uninstall();
                digests.remove(entry.getKey());
            }
        }
        Files.createDirectories(storage);
        try (Writer out = Files.newBufferedWriter(digestFile, StandardCharsets.UTF_8)) {
            digests.store(out, "what the launcher installed, by symbolic name, so that a kept storage is updated only where a jar changed");
        }
        return bundles;
    }

    private static String symbolicName(byte[] jar, String name) throws IOException {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            java.util.jar.Manifest manifest = in.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null) {
                throw new IOException(name + " is not a bundle");
            }
            return bsn.split(";")[0].strip();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = HostLauncher.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not in the launcher's jar");
        }
        return in;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
