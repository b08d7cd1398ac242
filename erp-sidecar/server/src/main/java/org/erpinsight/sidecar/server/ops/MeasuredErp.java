package org.erpinsight.sidecar.server.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.ErpException;

/** Wraps an adapter so that every call is timed in the metrics, whatever the ERP. */
public final class MeasuredErp {
    private static final Set<String> NOT_MEASURED = Set.of("name", "close", "toString", "hashCode", "equals");

    private MeasuredErp() {
    }

    public static ErpAdapter wrap(ErpAdapter erp, Metrics metrics) {
        return (ErpAdapter) Proxy.newProxyInstance(ErpAdapter.class.getClassLoader(), new Class<?>[] {ErpAdapter.class},
                (proxy, method, args) -> {
                    if (NOT_MEASURED.contains(method.getName())) {
                        return method.invoke(erp, args);
                    }
                    long start = System.nanoTime();
                    String error = null;
                    try {
                        return method.invoke(erp, args);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        error = cause instanceof ErpException erpFailure ? erpFailure.code().name() : cause.getClass().getSimpleName();
                        throw cause;
                    } finally {
                        metrics.erpCall(method.getName(), System.nanoTime() - start, error);
                    }
                });
    }
}
