package org.erpinsight.osgitests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Every plugin bundle stopped, started, updated and refreshed 100 times (erpinsight.test.cycles)
 * inside Felix: afterwards the class loaders of the replaced revisions are collected (a leak pins
 * one per cycle), the JVM has no more threads than before and no gross heap growth (figures
 * printed), a link made before is still there, and while a bundle is stopped the host's record
 * page still renders.
 *
 * <p>This class uses no ERP Insight type (the link is made through the service by reflection):
 * refreshing the API bundle refreshes every bundle wired to it, and the test must not be one of them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginBundleCyclesTest extends InFelix {
    private static final List<String> PLUGIN_BUNDLES = List.of("org.erpinsight.crm.api", "org.erpinsight.crm.gateway",
            "org.erpinsight.crm.gateway.soap", "org.erpinsight.crm.links", "org.erpinsight.crm.web", "org.erpinsight.crm.console",
            "org.erpinsight.crm.health");
    private static final long THREAD_MARGIN = 5;
    /** A gross bound only: the heap after GC moves by tens of MB between runs (caches, soft references); the class loaders decide. */
    private static final long HEAP_MARGIN_BYTES = 64_000_000L;
    /**
     * Replaced revisions whose class loader may still be reachable right after the cycles: the JDK's
     * HttpClient of the newest replaced gateway lets go when its selector thread next wakes.
     */
    private static final int PINNED_MARGIN = 3;

    @javax.inject.Inject
    private org.osgi.service.cm.ConfigurationAdmin configAdmin;

    @Test
    public void everyPluginBundleSurvivesStopStartAndUpdateCyclesWithoutGrowing() throws Exception {
        int cycles = Integer.parseInt(System.getProperty("erpinsight.test.cycles", "100"));
        configureSidecar();
        // Virtanen (c-1004) is not linked out of the box: link it now, and see its figures after the cycles
        link("company/c-1004", "10004");
        awaitPage("/crm/company/c-1004", "data-figure=\"balance\"");

        // measure both times in the same state: right after the gateway restarted (empty caches, new connection)
        // and one page view (the host renders tabs side by side: the pools grow to what a page needs)
        steadyState();
        java.util.Set<String> namesBefore = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> namesBefore.add(t.getName()));
        long threadsBefore = threads();
        long heapBefore = heapAfterGc();
        long start = System.nanoTime();
        StringBuilder perBundle = new StringBuilder();
        // the class loader of every revision replaced by an update: all must be collectable afterwards
        java.util.List<java.lang.ref.WeakReference<ClassLoader>> replaced = new java.util.ArrayList<>();
        java.util.List<String> replacedNames = new java.util.ArrayList<>();
        for (String bsn : PLUGIN_BUNDLES) {
            long bundleStart = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                Bundle bundle = installed(bsn);
                bundle.stop();
                if (i == 0) {
                    HttpResponse<String> page = get("/crm/company/c-1001");
                    assertEquals(bsn + " stopped: the host's page still renders", 200, page.statusCode());
                    assertTrue(page.body().contains("<h1>Andersen Byg A/S</h1>"));
                }
                bundle.start();
                if (i == 0) {
                    // a plain restart, same class loader (Derby's engine was shut down with the bundle)
                    awaitPage("/crm/company/c-1004", "data-figure=\"balance\"");
                }
                org.osgi.framework.wiring.BundleWiring wiring = bundle.adapt(org.osgi.framework.wiring.BundleWiring.class);
                if (wiring != null && wiring.getClassLoader() != null) {
                    replaced.add(new java.lang.ref.WeakReference<>(wiring.getClassLoader()));
                    replacedNames.add(bsn);
                }
                wiring = null;
                bundle.update();
                refresh(bundle);
            }
            perBundle.append(String.format("  %-34s %3d cycles in %5.1f s%n", bsn, cycles, (System.nanoTime() - bundleStart) / 1e9));
        }
        String page = awaitPage("/crm/company/c-1004", "data-figure=\"balance\"");
        steadyState();
        long threadsAfter = threads();
        heapAfterGc();
        java.util.Map<String, Integer> pinned = new java.util.TreeMap<>();
        for (int i = 0; i < replaced.size(); i++) {
            if (replaced.get(i).get() != null) {
                pinned.merge(replacedNames.get(i), 1, Integer::sum);
            }
        }
        System.out.println("  class loaders of replaced revisions still reachable after GC, by bundle: " + pinned
                + " (of " + replaced.size() + ")");
        java.util.Map<String, Integer> added = new java.util.TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> { if (!namesBefore.contains(t.getName())) added.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum); });
        System.out.println("  threads that were not there before (digits as #): " + added);
        long heapAfter = heapAfterGc();
        System.out.printf("Stop, start, update and refresh of %d plugin bundles, %d times each, in %.1f s:%n%s"
                + "  JVM threads %d -> %d; heap used after GC %.1f MB -> %.1f MB%n", PLUGIN_BUNDLES.size(), cycles,
                (System.nanoTime() - start) / 1e9, perBundle, threadsBefore, threadsAfter, heapBefore / 1e6, heapAfter / 1e6);

        assertTrue("the link made before the cycles still shows its customer's figures", page.contains("data-figure=\"balance\""));
        assertTrue("threads grew from " + threadsBefore + " to " + threadsAfter, threadsAfter <= threadsBefore + THREAD_MARGIN);
        int stillReachable = pinned.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue("old class loaders pinned: " + pinned + " of " + replaced.size(), stillReachable <= PINNED_MARGIN);
        assertTrue("heap grew from " + heapBefore / 1_000_000 + " MB to " + heapAfter / 1_000_000 + " MB",
                heapAfter <= heapBefore + HEAP_MARGIN_BYTES);
    }

    private void steadyState() throws Exception {
        Bundle gateway = installed("org.erpinsight.crm.gateway");
        gateway.update();
        refresh(gateway);
        for (int i = 0; i < 3; i++) {
            awaitPage("/crm/company/c-1001", "data-figure=\"balance\"");
            awaitPage("/crm/company/c-1004", "data-figure=\"balance\"");
        }
    }

    private void configureSidecar() throws Exception {
        // Configuration Admin is not ours: the test may use its types
        java.util.Hashtable<String, Object> p = new java.util.Hashtable<>();
        p.put("source", "default");
        p.put("url", System.getProperty("erpinsight.test.sidecar"));
        p.put(".apiKey", System.getProperty("erpinsight.test.key"));
        p.put("transport", "rest");
        configAdmin.createFactoryConfiguration("org.erpinsight.crm.gateway.sidecar", "?").update(p);
    }

    /** LinkService.link(RecordRef.parse(record), "default", LinkKind.CUSTOMER, number, ...) without wiring to the API. */
    private void link(String record, String number) throws Exception {
        // getAllServiceReferences: getServiceReference would check that this bundle sees the class, and Felix
        // would wire the probe to the API bundle by dynamic import to find out
        ServiceReference<?> ref = await(() -> {
            try {
                ServiceReference<?>[] all = context.getAllServiceReferences("org.erpinsight.crm.api.links.LinkService", null);
                return all == null ? null : all[0];
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }, "the link store");
        Object links = context.getService(ref);
        assertNotNull(links);
        ClassLoader api = links.getClass().getClassLoader();
        Class<?> recordRef = api.loadClass("org.erpinsight.crm.api.host.RecordRef");
        Class<?> linkKind = api.loadClass("org.erpinsight.crm.api.links.LinkKind");
        Object ref0 = recordRef.getMethod("parse", String.class).invoke(null, record);
        Object customer = linkKind.getField("CUSTOMER").get(null);
        Class<?> service = api.loadClass("org.erpinsight.crm.api.links.LinkService");
        service.getMethod("link", recordRef, String.class, linkKind, String.class, String.class, String.class)
                .invoke(links, ref0, "default", customer, number, "osgi-test", "kept across bundle updates");
        context.ungetService(ref);
    }
}
