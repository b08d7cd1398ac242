package org.erpinsight.sidecar.server;

import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.erpinsight.sidecar.server.ops.JsonLogFormat;

/** The sidecar's command line: {@code java -jar sidecar-server-app.jar --help}. */
public final class SidecarMain {
    private static final Logger LOG = Logger.getLogger(SidecarMain.class.getName());
    // held so that the levels stick: JUL keeps loggers weakly
    private static final Logger CXF_LOG = Logger.getLogger("org.apache.cxf");
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");
    // logs every fault, a client's malformed message included, with a stack trace at WARNING
    private static final Logger CXF_CHAIN_LOG = Logger.getLogger("org.apache.cxf.phase.PhaseInterceptorChain");

    private SidecarMain() {
    }

    /**
     * CXF and Jetty speak up only for warnings (CXF logs a client's disconnect with a stack
     * trace at INFO); everything goes to standard error, as text or one JSON object a line.
     */
    static void configureLogging(SidecarConfig config) {
        CXF_LOG.setLevel(Level.WARNING);
        JETTY_LOG.setLevel(Level.WARNING);
        CXF_CHAIN_LOG.setLevel(Level.SEVERE);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter(config.logFormat().equals("json") ? new JsonLogFormat() : new SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                return String.format("%1$tFT%1$tT.%1$tLZ %2$-7s %3$s %4$s%n%5$s", new java.util.Date(record.getMillis()),
                        record.getLevel().getName(), record.getLoggerName(), formatMessage(record),
                        record.getThrown() == null ? "" : stackTrace(record.getThrown()));
            }
        });
        root.addHandler(console);
    }

    private static String stackTrace(Throwable thrown) {
        java.io.StringWriter trace = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
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
        configureLogging(config);
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
