package org.erpinsight.sidecar.core;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs an adapter call so that only {@link ErpException}s leave the core. */
final class ErpCalls {
    private static final Logger LOG = Logger.getLogger(ErpCalls.class.getName());

    private ErpCalls() {
    }

    static <T> T call(Supplier<T> adapterCall) {
        try {
            return adapterCall.get();
        } catch (ErpException e) {
            throw e;
        } catch (RuntimeException e) {
            // an adapter bug, not the caller's fault: log the cause here, answer a plain message
            LOG.log(Level.SEVERE, "ERP adapter failed", e);
            throw new ErpException(ErrorCode.INTERNAL_ERROR, "The ERP adapter failed; see the sidecar log");
        }
    }
}
