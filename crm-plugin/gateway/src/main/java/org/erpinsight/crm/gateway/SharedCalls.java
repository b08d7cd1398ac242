package org.erpinsight.crm.gateway;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;

/**
 * One read in flight per key: readers who ask for the same figures (same source, operation and
 * arguments) while a call for them is under way wait for that call's answer instead of making
 * their own. Fifty users opening the same company cost the sidecar one call, not fifty.
 */
final class SharedCalls {
    private final Map<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong shared = new AtomicLong();

    /**
     * The answer of {@code call}, made by this reader or by the one who asked first; a reader who
     * joins waits at most {@code waitMillis} (the leader's own call is bounded by its deadline).
     */
    @SuppressWarnings("unchecked")
    <T> T read(Object key, long waitMillis, Supplier<T> call) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            try {
                T value = call.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(key, mine);
            }
        }
        shared.incrementAndGet();
        try {
            return (T) running.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErpGatewayException g) {
                // a copy: the leader's exception is its own to throw
                throw new ErpGatewayException(g.code(), g.getMessage(), g.retryAfter());
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR, "The shared call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "The sidecar did not answer within " + waitMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while waiting for the sidecar");
        }
    }

    /** How many reads were answered by another reader's call. */
    long sharedReads() {
        return shared.get();
    }
}
