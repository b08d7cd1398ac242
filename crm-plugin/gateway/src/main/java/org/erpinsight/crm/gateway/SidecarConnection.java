package org.erpinsight.crm.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.transport.SidecarClient;
import org.erpinsight.crm.api.transport.SidecarEndpoint;
import org.erpinsight.crm.api.transport.SidecarTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.erpinsight.crm.api.status.ConnectionCheck;
import org.erpinsight.crm.api.status.SidecarHealth;
import org.erpinsight.crm.api.status.SidecarStatus;

/**
 * One configured sidecar. Calls run on the connection's own pool and the caller waits at most
 * connect plus read timeout, whatever the transport does. At most a configured number of calls
 * are in flight at once; the rest wait in line within that deadline, page views before background
 * work (see {@link CallQueue}). A sidecar that answers "busy" (HTTP 429, its rate limit) is not
 * failing: the connection waits what it asked for when that fits the call's deadline, else the
 * call fails as {@link ErpErrorCode#SIDECAR_BUSY}, and the circuit breaker never hears of it.
 */
@Component(service = {SidecarConnection.class, SidecarHealth.class}, configurationPid = SidecarConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SidecarConfiguration.class, factory = true)
public class SidecarConnection implements SidecarHealth {
    /** A call that cannot have this long left after waiting for the sidecar's Retry-After does not wait. */
    private static final long LEAST_CALL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final SidecarEndpoint endpoint;
    private final SidecarEndpoint backgroundEndpoint;
    private final String transportName;
    private final ThreadPoolExecutor pool;
    private final CallQueue queue;
    private final SharedCalls shared = new SharedCalls();
    private final Map<String, SidecarTransport> transports = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier nanoTime;
    private SidecarClient client;
    private SidecarClient backgroundClient;
    private SidecarTransport clientTransport;
    /** Until when the sidecar asked us not to call (its Retry-After), in {@link #nanoTime}; 0 when it did not. */
    private volatile long busyUntil;
    private final java.util.concurrent.atomic.AtomicLong busyCalls = new java.util.concurrent.atomic.AtomicLong();

    private final CircuitBreaker breaker;
    private final CallRecord record = new CallRecord();
    private java.net.http.HttpClient testClient;

    @Activate
    public SidecarConnection(SidecarConfiguration config) {
        this(config, System::nanoTime);
    }

    SidecarConnection(SidecarConfiguration config, java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenSeconds() * 1_000_000_000L, nanoTime);
        this.endpoint = endpoint(config);
        String backgroundKey = config._backgroundApiKey() == null ? "" : config._backgroundApiKey().strip();
        this.backgroundEndpoint = backgroundKey.isEmpty() ? endpoint : new SidecarEndpoint(endpoint.source(), endpoint.url(),
                backgroundKey, endpoint.connectTimeout(), endpoint.readTimeout());
        this.transportName = config.transport();
        this.queue = new CallQueue(Math.max(1, config.maxConcurrentCalls()), config.maxBackgroundCalls());
        AtomicInteger threads = new AtomicInteger();
        // one thread per place, and a few for calls that were given up on but have not returned yet
        this.pool = new ThreadPoolExecutor(0, queue.places() + 4, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "erpinsight-sidecar-" + endpoint.source() + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    static SidecarEndpoint endpoint(SidecarConfiguration config) {
        String source = config.source() == null ? "" : config.source().strip();
        if (!source.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("Source name '" + source + "' must be 1-40 letters, digits, '.', '_' or '-'");
        }
        URI url;
        try {
            url = new URI(config.url().strip().replaceAll("/+$", ""));
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Sidecar URL '" + config.url() + "' is not a URL");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("Sidecar URL '" + config.url() + "' must be an http or https URL");
        }
        return new SidecarEndpoint(source, url, config._apiKey(), Duration.ofMillis(Math.max(100, config.connectTimeoutMillis())),
                Duration.ofMillis(Math.max(100, config.readTimeoutMillis())));
    }

    @Reference(service = SidecarTransport.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addTransport(SidecarTransport transport, Map<String, Object> properties) {
        Object name = properties.get(SidecarTransport.PROPERTY);
        if (name != null) {
            transports.put(name.toString(), transport);
        }
    }

    void removeTransport(SidecarTransport transport, Map<String, Object> properties) {
        // SCR passes null when the transport's service object could no longer be obtained (its
        // bundle stopping at the same moment, as Karaf does on a configuration change)
        if (transport == null) {
            Object name = properties.get(SidecarTransport.PROPERTY);
            if (name != null) {
                transports.remove(name.toString());
            }
            return;
        }
        transports.values().remove(transport);
        synchronized (this) {
            if (transport == clientTransport && client != null) {
                closeClients();
                clientTransport = null;
            }
        }
    }

    @Override
    public String source() {
        return endpoint.source();
    }

    public SidecarEndpoint endpoint() {
        return endpoint;
    }

    /** A page view's call: runs one operation against the sidecar within the deadline, unless the sidecar has been failing. */
    public <T> T call(Function<SidecarClient, T> operation) {
        return call(CallQueue.Work.PAGE, operation);
    }

    /**
     * A read that readers of the same figures share while it is in flight: {@code key} names the
     * operation and its arguments.
     */
    public <T> T read(CallQueue.Work work, Object key, Function<SidecarClient, T> operation) {
        return shared.read(key, deadlineMillis(), () -> call(work, operation));
    }

    /** The longest a caller waits for one call: connect plus read timeout. */
    long deadlineMillis() {
        return endpoint.connectTimeout().plus(endpoint.readTimeout()).toMillis();
    }

    SharedCalls shared() {
        return shared;
    }

    /** Runs one operation within the deadline, for a page view or for background work. */
    public <T> T call(CallQueue.Work work, Function<SidecarClient, T> operation) {
        return call(work, true, operation);
    }

    /**
     * The same; with {@code waitIfBusy} false the call does not wait out a busy sidecar's
     * Retry-After but fails busy at once: for a reader who has last known figures to show meanwhile.
     */
    public <T> T call(CallQueue.Work work, boolean waitIfBusy, Function<SidecarClient, T> operation) {
        if (!breaker.allow()) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Sidecar '" + source() + "' failed repeatedly;"
                    + " not asked again for " + breaker.secondsUntilRetry() + " s");
        }
        long start = nanoTime.getAsLong();
        try {
            T result = attempt(work, waitIfBusy, operation, start + TimeUnit.MILLISECONDS.toNanos(deadlineMillis()));
            breaker.succeeded();
            record.answered(nanoTime.getAsLong() - start);
            return result;
        } catch (ErpGatewayException e) {
            switch (e.code()) {
                case SIDECAR_UNREACHABLE, SIDECAR_ERROR -> {
                    if (timedOut(e)) {
                        breaker.trip();
                    } else {
                        breaker.failed();
                    }
                    record.failed(e.getMessage());
                }
                case SIDECAR_BUSY -> {
                    // busy is not down: whatever the breaker knew stays as it was
                    busyCalls.incrementAndGet();
                    breaker.abandoned();
                }
                case TRANSPORT_MISSING -> breaker.abandoned();
                default -> {
                    // a sidecar that answers, even with "not found", is healthy
                    breaker.succeeded();
                    record.answered(nanoTime.getAsLong() - start);
                }
            }
            throw e;
        }
    }

    @Override
    public SidecarStatus status() {
        SidecarStatus.State state;
        if (breaker.isOpen()) {
            state = SidecarStatus.State.PAUSED;
        } else {
            state = record.state();
        }
        SidecarStatus s = record.status(endpoint.source(), endpoint.url().toString(), transportName, state,
                state == SidecarStatus.State.PAUSED ? breaker.secondsUntilRetry() : 0);
        return new SidecarStatus(s.source(), s.url(), s.transport(), s.state(), s.secondsUntilRetry(), s.calls(), s.failedCalls(),
                s.lastError(), s.lastErrorAt(), s.lastAnswerAt(), s.recentCalls(), s.latencyMedianMillis(), s.latencyMaxMillis(),
                busyCalls.get(), breaker.openings(), shared.sharedReads(), queue.inFlight(), queue.waiting());
    }

    @Override
    public ConnectionCheck check() {
        java.net.http.HttpClient http;
        synchronized (this) {
            if (testClient == null) {
                testClient = java.net.http.HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).build();
            }
            http = testClient;
        }
        return new ConnectionTest(endpoint, http, transportName, () -> {
            long start = System.nanoTime();
            // not through the breaker: a test that works ends a pause; in line with background work
            attempt(CallQueue.Work.BACKGROUND, true, client -> {
                client.ping();
                return null;
            }, nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis()));
            breaker.succeeded();
            long nanos = System.nanoTime() - start;
            record.answered(nanos);
            return nanos / 1_000_000;
        }).run();
    }

    /** Whether the transport gave up waiting (its own read or connect timeout), rather than being refused. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private <T> T attempt(CallQueue.Work work, boolean waitIfBusy, Function<SidecarClient, T> operation, long deadline) {
        SidecarClient current = client(work);
        while (true) {
            waitIfAsked(waitIfBusy ? deadline : 0);
            try {
                if (!queue.enter(work, deadline - nanoTime.getAsLong())) {
                    throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "Sidecar '" + source() + "' is busy: " + queue.places()
                            + " calls in flight and more waiting; none finished within " + deadlineMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while waiting for the sidecar");
            }
            try {
                return once(work, current, operation, deadline);
            } catch (ErpGatewayException e) {
                if (e.code() != ErpErrorCode.SIDECAR_BUSY || e.retryAfter() == null) {
                    throw e;
                }
                long until = nanoTime.getAsLong() + e.retryAfter().toNanos();
                busyUntil = Math.max(busyUntil, until);
                if (!waitIfBusy || until + LEAST_CALL_NANOS > deadline) {
                    throw e;
                }
                // the sidecar said when: ask again then, within this call's deadline
            }
        }
    }

    /**
     * Waits until the sidecar's Retry-After when that leaves time for the call before {@code deadline}
     * (0: never waits), else fails as busy at once.
     */
    private void waitIfAsked(long deadline) {
        long now = nanoTime.getAsLong();
        long until = busyUntil;
        if (until <= now) {
            return;
        }
        if (until + LEAST_CALL_NANOS > deadline) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "Sidecar '" + source() + "' is busy: it asked for no calls for "
                    + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(until - now + 999_999_999L)) + " s",
                    java.time.Duration.ofNanos(until - now));
        }
        try {
            TimeUnit.NANOSECONDS.sleep(until - now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while waiting for the sidecar");
        }
    }

    /** One call on a pool thread, in a place already taken; the place is given back when the call returns. */
    private <T> T once(CallQueue.Work work, SidecarClient current, Function<SidecarClient, T> operation, long deadline) {
        java.util.concurrent.CompletableFuture<T> answer = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<Thread> runner = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            pool.execute(() -> {
                runner.set(Thread.currentThread());
                try {
                    answer.complete(operation.apply(current));
                } catch (Throwable t) {
                    answer.completeExceptionally(t);
                } finally {
                    synchronized (runner) {
                        runner.set(null);
                        // an interrupt meant for this call, come late, must not reach the thread's next call
                        Thread.interrupted();
                    }
                    queue.leave(work);
                }
            });
        } catch (RejectedExecutionException e) {
            queue.leave(work);
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "Sidecar '" + source() + "' is busy: calls that were given up on"
                    + " have not returned yet");
        }
        long began = nanoTime.getAsLong();
        try {
            return answer.get(Math.max(0, deadline - began), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(runner);
            long ran = nanoTime.getAsLong() - began;
            if (ran >= endpoint.readTimeout().toNanos()) {
                // a sidecar that holds calls without answering would hold every following one as long:
                // pause it now, so that a page waits one deadline, not one per tab
                breaker.trip();
                throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                        "Sidecar '" + source() + "' did not answer within " + deadlineMillis() + " ms");
            }
            // it had less than a read timeout, after waiting in line: that says nothing about the sidecar
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "Sidecar '" + source() + "' is busy: the call waited in line"
                    + " and had " + TimeUnit.NANOSECONDS.toMillis(ran) + " ms left, not enough for an answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(runner);
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while waiting for the sidecar");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErpGatewayException g) {
                throw g;
            }
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR,
                    "Call to sidecar '" + source() + "' failed: " + e.getCause(), e.getCause());
        }
    }

    /** Interrupts the call's pool thread while it still runs that call (never the call it runs next). */
    private static void stop(java.util.concurrent.atomic.AtomicReference<Thread> runner) {
        synchronized (runner) {
            Thread thread = runner.get();
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private synchronized SidecarClient client(CallQueue.Work work) {
        SidecarClient page = client();
        if (work == CallQueue.Work.PAGE || backgroundEndpoint == endpoint) {
            return page;
        }
        if (backgroundClient == null) {
            backgroundClient = clientTransport.connect(backgroundEndpoint);
        }
        return backgroundClient;
    }

    private synchronized SidecarClient client() {
        if (client == null) {
            SidecarTransport transport = transports.get(transportName);
            if (transport == null) {
                throw new ErpGatewayException(ErpErrorCode.TRANSPORT_MISSING, "Sidecar '" + source() + "' is configured for "
                        + transportName + ", but no bundle provides that transport (is it installed and active?)");
            }
            client = transport.connect(endpoint);
            clientTransport = transport;
        }
        return client;
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
        synchronized (this) {
            closeClients();
        }
    }

    private void closeClients() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (backgroundClient != null) {
            backgroundClient.close();
            backgroundClient = null;
        }
    }
}
