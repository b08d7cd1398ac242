package org.erpinsight.crm.health;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.erpinsight.crm.api.status.ConnectionCheck;
import org.erpinsight.crm.api.status.SidecarHealth;
import org.erpinsight.crm.api.status.SidecarStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Publishes an Apache Felix Health Check for every configured sidecar, as its {@link SidecarHealth}
 * service comes and goes: named "ERP Insight sidecar NAME", tagged {@value #TAG} and
 * {@code erpinsight-NAME}. A check runs the connection test: CRITICAL when a step fails or the
 * circuit breaker is open, WARN on warnings (a key without the orders or admin scope), OK otherwise;
 * every step is a line of the result.
 */
@Component(immediate = true)
public class SidecarHealthChecks {
    static final String TAG = "erpinsight";

    private final java.util.Set<SidecarHealth> sidecars = new java.util.HashSet<>();
    private final Map<SidecarHealth, ServiceRegistration<HealthCheck>> registrations = new java.util.HashMap<>();
    private BundleContext context;

    // DS binds the sidecars known at activation before activate: they are registered there
    @Activate
    synchronized void activate(BundleContext context) {
        this.context = context;
        sidecars.forEach(s -> registrations.put(s, register(s)));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addSidecar(SidecarHealth sidecar) {
        sidecars.add(sidecar);
        if (context != null) {
            registrations.put(sidecar, register(sidecar));
        }
    }

    synchronized void removeSidecar(SidecarHealth sidecar) {
        sidecars.remove(sidecar);
        unregister(registrations.remove(sidecar));
    }

    @Deactivate
    synchronized void deactivate() {
        registrations.values().forEach(SidecarHealthChecks::unregister);
        registrations.clear();
        context = null;
    }

    private ServiceRegistration<HealthCheck> register(SidecarHealth sidecar) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, "ERP Insight sidecar " + sidecar.source());
        properties.put(HealthCheck.TAGS, new String[] {TAG, TAG + "-" + sidecar.source()});
        properties.put(HealthCheck.MBEAN_NAME, "erpinsight-sidecar-" + sidecar.source());
        return context.registerService(HealthCheck.class, () -> execute(sidecar), properties);
    }

    private static void unregister(ServiceRegistration<HealthCheck> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    static Result execute(SidecarHealth sidecar) {
        FormattingResultLog log = new FormattingResultLog();
        SidecarStatus status = sidecar.status();
        if (status.state() == SidecarStatus.State.PAUSED) {
            log.critical("Paused after repeated failures (circuit breaker open, next try in {} s); last error: {}",
                    status.secondsUntilRetry(), status.lastError());
        }
        ConnectionCheck check = sidecar.check();
        for (ConnectionCheck.Step step : check.steps()) {
            switch (step.outcome()) {
                case OK -> log.info("{}: {}", step.name(), step.message());
                case WARNING -> log.warn("{}: {}", step.name(), step.message());
                case FAILED -> log.critical("{}: {}", step.name(), step.message());
            }
        }
        if (status.recentCalls() > 0) {
            log.info("Recent calls: median {} ms, longest {} ms over the last {}", status.latencyMedianMillis(),
                    status.latencyMaxMillis(), status.recentCalls());
        }
        return new Result(log);
    }
}
