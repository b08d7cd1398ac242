package org.erpinsight.sidecar.server.ops;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records each answered API call: metrics, and one access log line with the transport, the
 * operation, the status, the time taken and the API key's name (never its secret).
 */
public final class CallLog {
    private static final Logger ACCESS = Logger.getLogger("org.erpinsight.sidecar.access");

    private final Metrics metrics;

    public CallLog(Metrics metrics) {
        this.metrics = metrics;
    }

    public void answered(String transport, String operation, int status, long nanos, String keyName, String errorCode) {
        metrics.request(transport, operation, status, nanos);
        if (errorCode != null) {
            metrics.error(errorCode);
        }
        if (ACCESS.isLoggable(Level.INFO)) {
            LogRecord record = new LogRecord(Level.INFO, "{0} {1} {2} {3} ms key={4}{5}");
            record.setLoggerName(ACCESS.getName());
            record.setParameters(new Object[] {transport, operation, status, String.format("%.1f", nanos / 1e6), keyName,
                errorCode == null ? "" : " code=" + errorCode});
            ACCESS.log(record);
        }
    }
}
