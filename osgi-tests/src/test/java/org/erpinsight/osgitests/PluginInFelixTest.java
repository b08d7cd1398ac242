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
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginInFelixTest extends InFelix {
    private static final String SIDECAR_PID = "org.erpinsight.crm.gateway.sidecar";

    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private MetaTypeService metaTypes;


    // ---- Configuration Admin -> connections -> tabs

    @Test
    public void factoryConfigurationsBecomeConnectionsAndTabsShowTheirFigures() throws Exception {
        String url = System.getProperty("erpinsight.test.sidecar");
        org.osgi.service.cm.Configuration config = configAdmin.createFactoryConfiguration(SIDECAR_PID, "?");
        config.update(sidecarSettings(url));
        try {
            SidecarHealth health = await(() -> sidecar("default"), "the connection 'default' appears");
            assertEquals(url, health.status().url());
            String page = awaitPage("/crm/company/c-1001", "data-figure=\"balance\"");
            assertEquals(overviewFromSidecar(url, "10001"), figure(page, "balance"));

            // another URL: the connection is replaced, its service shows the new address
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            config.update(sidecarSettings("http://127.0.0.1:" + closed));
            await(() -> {
                SidecarHealth s = sidecar("default");
                return s != null && s.status().url().endsWith(":" + closed) ? s : null;
            }, "the connection follows the new URL");
            String unreachable = get("/crm/company/c-1002").body();
            assertTrue(unreachable, unreachable.contains("ERP unreachable") || unreachable.contains("cannot be reached"));
        } finally {
            config.delete();
        }
        await(() -> sidecar("default") == null ? Boolean.TRUE : null, "the connection goes with its configuration");
        assertEquals("the host's page still renders", 200, get("/crm/company/c-1001").statusCode());
    }

    @Test
    public void metatypeDescribesTheSettingsAsTheWebConsoleShowsThem() {
        Bundle gateway = installed("org.erpinsight.crm.gateway");
        MetaTypeInformation info = metaTypes.getMetaTypeInformation(gateway);
        assertTrue(Arrays.asList(info.getFactoryPids()).contains(SIDECAR_PID));
        ObjectClassDefinition sidecar = info.getObjectClassDefinition(SIDECAR_PID, null);
        AttributeDefinition[] attributes = sidecar.getAttributeDefinitions(ObjectClassDefinition.ALL);
        assertEquals(Set.of("source", "url", "transport", ".apiKey", "connectTimeoutMillis", "readTimeoutMillis", "maxConcurrentCalls",
                "maxBackgroundCalls", ".backgroundApiKey", "breakerFailures", "breakerOpenSeconds"), Arrays.stream(attributes).map(AttributeDefinition::getID).collect(java.util.stream.Collectors.toSet()));
        AttributeDefinition key = attribute(attributes, ".apiKey");
        assertEquals("the key is a password field, never shown", AttributeDefinition.PASSWORD, key.getType());
        AttributeDefinition transport = attribute(attributes, "transport");
        assertArrayEquals(new String[] {"rest", "soap"}, transport.getOptionValues());
        assertArrayEquals(new String[] {"rest"}, transport.getDefaultValue());
        AttributeDefinition read = attribute(attributes, "readTimeoutMillis");
        assertEquals(AttributeDefinition.INTEGER, read.getType());
        String verdict = read.validate("99");
        assertTrue("99 ms is below the minimum the form accepts: " + verdict, verdict != null && !verdict.isEmpty());
        assertEquals("Sidecar URL", attribute(attributes, "url").getName());

        ObjectClassDefinition tabs = metaTypes.getMetaTypeInformation(installed("org.erpinsight.crm.web"))
                .getObjectClassDefinition("org.erpinsight.crm.web.insight", null);
        assertEquals("ERP Insight tabs", tabs.getName());
    }

    // ---- tabs come and go with their bundle

    @Test
    public void tabsComeAndGoWithTheirBundle() throws Exception {
        Bundle web = installed("org.erpinsight.crm.web");
        await(() -> tabsOf(web) == 6 ? Boolean.TRUE : null, "the web bundle's six tabs are registered");
        web.stop();
        try {
            assertEquals(0, tabsOf(web));
            HttpResponse<String> page = get("/crm/company/c-1001");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Andersen Byg A/S</h1>"));
            assertFalse(page.body().contains("Financial overview"));
        } finally {
            web.start();
        }
        await(() -> tabsOf(web) == 6 ? Boolean.TRUE : null, "the tabs are back");
        assertTrue(awaitPage("/crm/company/c-1001", "Financial overview").contains("Financial overview"));
    }

    // ---- helpers

    private static Hashtable<String, Object> sidecarSettings(String url) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("source", "default");
        p.put("url", url);
        p.put(".apiKey", System.getProperty("erpinsight.test.key"));
        p.put("transport", "rest");
        p.put("readTimeoutMillis", 2000);
        return p;
    }

    private SidecarHealth sidecar(String source) {
        try {
            for (ServiceReference<SidecarHealth> ref : context.getServiceReferences(SidecarHealth.class, "(source=" + source + ")")) {
                SidecarHealth s = context.getService(ref);
                if (s != null) {
                    return s;
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return null;
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? null : context.getService(ref);
    }

    private int tabsOf(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return 0;
        }
        int tabs = 0;
        for (ServiceReference<?> ref : registered) {
            if (Arrays.asList((String[]) ref.getProperty("objectClass")).contains(RecordTab.class.getName())) {
                tabs++;
            }
        }
        return tabs;
    }

    private static AttributeDefinition attribute(AttributeDefinition[] attributes, String id) {
        return Arrays.stream(attributes).filter(a -> a.getID().equals(id)).findFirst().orElseThrow();
    }

    private String overviewFromSidecar(String url, String customer) throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/customers/" + customer + "/overview"))
                .header("X-API-Key", System.getProperty("erpinsight.test.key")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"balance\":\"([^\"]+)\"").matcher(json);
        assertTrue(json, m.find());
        return m.group(1);
    }
}
