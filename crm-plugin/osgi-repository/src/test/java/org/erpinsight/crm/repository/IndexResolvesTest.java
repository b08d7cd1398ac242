package org.erpinsight.crm.repository;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import aQute.bnd.osgi.repository.SimpleIndexer;
import biz.aQute.resolve.Bndrun;

/**
 * The OSGi repository index is what a host with a resolver needs: bnd's resolver, given only the
 * index (and a Felix framework standing in for the host's own), resolves the plugin's bundles,
 * REST and SOAP transports, console and health checks, with their Declarative Services, Http
 * Whiteboard, Jackson and CXF. The same resolution fails without Jackson in the index, so the
 * check can fail.
 */
public class IndexResolvesTest {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path INDEX = TARGET.resolve("repository/index.xml");
    private static final String PLUGIN = String.join(",", List.of("org.erpinsight.crm.web", "org.erpinsight.crm.gateway",
            "org.erpinsight.crm.gateway.soap", "org.erpinsight.crm.links", "org.erpinsight.crm.console", "org.erpinsight.crm.health")
            .stream().map(id -> "bnd.identity;id='" + id + "'").toList());

    @Test
    public void thePluginResolvesFromTheIndexAlone() throws Exception {
        assertTrue("the build indexes first: " + INDEX, Files.isRegularFile(INDEX));
        Bndrun run = bndrun("from-index", INDEX);
        String resolved = run.resolve(false, false);
        assertTrue(run.getErrors() + "\n" + run.getWarnings(), run.isOk());
        for (String expected : List.of("org.erpinsight.crm.api", "com.fasterxml.jackson.core.jackson-databind", "org.apache.felix.scr",
                "org.apache.cxf.cxf-rt-frontend-jaxws", "org.apache.felix.http.jetty12", "org.apache.felix.healthcheck.api")) {
            assertTrue(expected + " resolved from the index:\n" + resolved, resolved.contains(expected));
        }
        assertFalse("the reference host is not part of the plugin", resolved.contains("org.erpinsight.crm.reference.host"));
    }

    @Test
    public void withoutJacksonTheSameResolutionFails() throws Exception {
        File[] bundles = TARGET.resolve("repository/bundles").toFile().listFiles((d, n) -> n.endsWith(".jar") && !n.startsWith("jackson-"));
        Path reduced = TARGET.resolve("index-without-jackson.xml");
        new SimpleIndexer().files(Arrays.asList(bundles)).base(TARGET.resolve("repository/bundles").toUri()).index(reduced.toFile());
        Bndrun run = bndrun("without-jackson", reduced);
        String failure = null;
        try {
            String resolved = run.resolve(false, false);
            if (!run.isOk()) {
                failure = run.getErrors().toString();
            } else {
                throw new AssertionError("resolution must fail, but gave " + resolved);
            }
        } catch (Exception expected) {
            // bnd reports an unresolvable bndrun as an exception naming the missing requirement
            failure = expected.getMessage();
        }
        assertTrue(failure, failure != null && failure.contains("com.fasterxml.jackson"));
    }

    /** A bndrun in standalone mode: its repositories are the given index and one holding the framework. */
    private static Bndrun bndrun(String name, Path index) throws Exception {
        Path framework = TARGET.resolve("framework-index.xml");
        new SimpleIndexer().files(List.of(new File(System.getProperty("felix.framework.jar")))).index(framework.toFile());
        Path file = TARGET.resolve(name + ".bndrun");
        Files.writeString(file, String.join("\n",
                "-standalone: " + index.toUri() + ";name=" + name + "," + framework.toUri() + ";name=framework-for-" + name,
                "-runfw: org.apache.felix.framework;version='[7.0.5,7.0.5]'",
                "-runee: JavaSE-17",
                "-runrequires: " + PLUGIN,
                ""));
        return Bndrun.createBndrun(null, file.toFile());
    }
}
