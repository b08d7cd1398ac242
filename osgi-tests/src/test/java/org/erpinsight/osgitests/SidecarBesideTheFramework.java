package org.erpinsight.osgitests;

import java.nio.file.Files;
import java.util.Map;

import org.erpinsight.sidecar.server.SidecarConfig;
import org.erpinsight.sidecar.server.SidecarServer;

/**
 * A real sidecar (reference ERP, small demo data) in the test JVM, beside the framework: started
 * by Pax Exam's configuration method, which runs outside the framework; the tests inside reach it
 * over HTTP like any CRM would. Never loaded inside the framework.
 */
final class SidecarBesideTheFramework {
    static final String KEY = "osgi-tests-0123456789abcdef";
    private static SidecarServer server;

    private SidecarBesideTheFramework() {
    }

    static synchronized String url() throws Exception {
        if (server == null) {
            server = SidecarServer.start(SidecarConfig.load(new String[] {"--port", "0", "--data-dir",
                    Files.createTempDirectory("osgi-tests-sidecar").toString(), "--api-key", "osgi:" + KEY + ":read+orders+admin",
                    "--rate-limit", "0"}, Map.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.baseUri().toString().replaceAll("/$", "");
    }
}
