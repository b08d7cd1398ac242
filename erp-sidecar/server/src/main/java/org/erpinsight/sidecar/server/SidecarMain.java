package org.erpinsight.sidecar.server;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The sidecar's command line: {@code java -jar sidecar-server-app.jar --help}. */
public final class SidecarMain {
    private static final Logger LOG = Logger.getLogger(SidecarMain.class.getName());
    // held so that the level sticks: JUL keeps loggers weakly
    private static final Logger CXF_LOG = Logger.getLogger("org.apache.cxf");

    private SidecarMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(SidecarConfig.usage());
            return;
        }
        SidecarConfig config;
        try {
            config = SidecarConfig.load(args, System.getenv());
        } catch (SidecarConfig.InvalidConfig e) {
            System.err.println("erp-sidecar: " + e.getMessage());
            System.exit(2);
            return;
        }
        CXF_LOG.setLevel(Level.WARNING);
        try {
            SidecarServer server = SidecarServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sidecar-shutdown"));
            LOG.info(String.format("ERP sidecar ready at %s in %d ms (adapter %s, %d API key(s))", server.baseUri(),
                    (System.nanoTime() - start) / 1_000_000, config.adapter(), config.apiKeys().size()));
        } catch (SidecarConfig.InvalidConfig e) {
            System.err.println("erp-sidecar: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "The sidecar could not start: " + e.getMessage(), e);
            System.exit(1);
        }
    }
}
