package org.erpinsight.osgitests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.api.status.SidecarHealth;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The plugin as it runs in a framework: the reference host's resolved bundles in Felix (Pax Exam's
 * native container), a real sidecar beside it. Configuration Admin factory configurations become
 * sidecar connections and tabs show their figures; Metatype describes the settings as the Web
 * Console shows them; tabs come and go with their bundle. (Stopping, starting and updating every
 * plugin bundle: {@link PluginBundleCyclesTest}.)
 */
/**
 * What every test inside Felix shares: the framework as Pax Exam starts it (the reference host's
 * resolved bundles, a real sidecar beside the framework, the host on a free port) and helpers that
 * touch no ERP Insight type, so that a test class can refresh the API bundle without refreshing itself.
 */
public abstract class InFelix {
    @Inject
    protected BundleContext context;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] inFelix() throws Exception {
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches(true));
        options.add(junitBundles());
        // Pax Exam brings Pax Logging's API, which prints every DEBUG line of Jetty and SPI Fly otherwise
        options.add(systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        options.add(systemProperty("erpinsight.test.sidecar").value(SidecarBesideTheFramework.url()));
        options.add(systemProperty("erpinsight.test.key").value(SidecarBesideTheFramework.KEY));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        options.add(systemProperty("org.osgi.service.http.port").value(String.valueOf(port)));
        options.add(systemProperty("erpinsight.test.cycles").value(System.getProperty("erpinsight.test.cycles", "100")));
        File[] jars = new File(System.getProperty("runbundles")).listFiles((dir, name) -> name.endsWith(".jar"));
        assertNotNull("the reference host's bundles are exported first (crm-plugin/reference-host-app)", jars);
        Arrays.sort(jars);
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        return options.toArray(new Option[0]);
    }

    protected Bundle installed(String bsn) {
        return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + bsn));
    }

    protected void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("the refresh ended", done.await(60, TimeUnit.SECONDS));
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("org.osgi.service.http.port") + path))
                .header("Cookie", "crm-user=admin").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected String awaitPage(String path, String text) throws Exception {
        String body = "";
        for (int i = 0; i < 120; i++) {
            try {
                HttpResponse<String> page = get(path);
                body = page.body();
                if (page.statusCode() == 200 && body.contains(text)) {
                    return body;
                }
            } catch (java.io.IOException e) {
                body = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " never showed '" + text + "':\n" + body);
    }

    protected static String figure(String html, String id) {
        Matcher m = Pattern.compile("data-figure=\"" + id + "\" data-amount=\"([^\"]*)\"").matcher(html);
        assertTrue(html, m.find());
        return m.group(1);
    }

    protected static <T> T await(java.util.function.Supplier<T> probe, String what) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    protected static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    protected static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
