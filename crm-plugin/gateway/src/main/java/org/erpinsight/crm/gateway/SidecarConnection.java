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
 * One configured sidecar. Calls run on the connection's own small pool and the caller waits
 * at most connect plus read timeout, whatever the transport does; calls beyond the pool's
 * size fail at once, so a slow sidecar cannot tie up the host's request threads.
 */
@Component(service = {SidecarConnection.class, SidecarHealth.class}, configurationPid = SidecarConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SidecarConfiguration.class, factory = true)
public class SidecarConnection implements SidecarHealth {
    private final SidecarEndpoint endpoint;
    private final String transportName;
    private final ThreadPoolExecutor pool;
    private final Map<String, SidecarTransport> transports = new ConcurrentHashMap<>();
    private SidecarClient client;
    private SidecarTransport clientTransport;

    private final CircuitBreaker breaker;
    private final CallRecord record = new CallRecord();
    private java.net.http.HttpClient testClient;

    @Activate
    public SidecarConnection(SidecarConfiguration config) {
        this(config, System::nanoTime);
    }

    SidecarConnection(SidecarConfiguration config, java.util.function.LongSupplier nanoTime) {
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenSeconds() * 1_000_000_000L, nanoTime);
        this.endpoint = endpoint(config);
        this.transportName = config.transport();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, Math.max(1, config.maxConcurrentCalls()), 30, TimeUnit.SECONDS,
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
                client.close();
                client = null;
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

    /** Runs one operation against the sidecar within the deadline, unless the sidecar has been failing. */
    public <T> T call(Function<SidecarClient, T> operation) {
        if (!breaker.allow()) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Sidecar '" + source() + "' failed repeatedly;"
                    + " not asked again for " + breaker.secondsUntilRetry() + " s");
        }
        long start = System.nanoTime();
        try {
            T result = attempt(operation);
            breaker.succeeded();
            record.answered(System.nanoTime() - start);
            return result;
        } catch (ErpGatewayException e) {
            // a sidecar that answers, even with "not found", is healthy
            if (e.code() == ErpErrorCode.SIDECAR_UNREACHABLE || e.code() == ErpErrorCode.SIDECAR_ERROR) {
                if (timedOut(e)) {
                    breaker.trip();
                } else {
                    breaker.failed();
                }
                record.failed(e.getMessage());
            } else if (e.code() != ErpErrorCode.TRANSPORT_MISSING) {
                breaker.succeeded();
                record.answered(System.nanoTime() - start);
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
        return record.status(endpoint.source(), endpoint.url().toString(), transportName, state,
                state == SidecarStatus.State.PAUSED ? breaker.secondsUntilRetry() : 0);
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
            // not through the breaker: a test that works ends a pause
            attempt(client -> {
                client.ping();
                return null;
            });
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

    private <T> T attempt(Function<SidecarClient, T> operation) {
        SidecarClient current = client();
        Future<T> result;
        try {
            result = pool.submit(() -> operation.apply(current));
        } catch (RejectedExecutionException e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                    "Too many calls to sidecar '" + source() + "' at once; it may be slow");
        }
        long deadline = endpoint.connectTimeout().plus(endpoint.readTimeout()).toMillis();
        try {
            return result.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            // a sidecar that holds calls without answering would hold every following one as long:
            // pause it now, so that a page waits one deadline, not one per tab
            breaker.trip();
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE,
                    "Sidecar '" + source() + "' did not answer within " + deadline + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Interrupted while waiting for the sidecar");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErpGatewayException g) {
                throw g;
            }
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR,
                    "Call to sidecar '" + source() + "' failed: " + e.getCause(), e.getCause());
        }
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
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }
}
