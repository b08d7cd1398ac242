package org.erpinsight.crm.reference.host;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * First-run convenience of the reference host: when no sidecar is configured yet, creates the
 * "default" sidecar configuration from the launch properties {@code erpinsight.sidecar.url},
 * {@code erpinsight.sidecar.apiKey} and {@code erpinsight.sidecar.transport} (and the gateway's
 * freshness from {@code erpinsight.gateway.freshSeconds} and the read timeout from
 * {@code erpinsight.sidecar.readTimeoutMillis}, if given). After that the
 * configuration is the admin's, in the Web Console, except that a launch property changed
 * between two starts (the demo run again with another sidecar port) updates it. A real host
 * does this in its installer.
 */
@Component(immediate = true)
public class SidecarBootstrap {
    static final String SIDECAR_PID = "org.erpinsight.crm.gateway.sidecar";
    static final String GATEWAY_PID = "org.erpinsight.crm.gateway";
    /** Private properties (leading dot) remembering the launch settings a configuration was made or last updated from. */
    private static final String LAUNCHED = ".launched.";
    static final String HEALTH_SERVLET_PID = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet";
    private static final Logger LOG = Logger.getLogger(SidecarBootstrap.class.getName());

    @Activate
    public SidecarBootstrap(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException, InvalidSyntaxException {
        String fresh = context.getProperty("erpinsight.gateway.freshSeconds");
        if (fresh != null && configAdmin.listConfigurations("(service.pid=" + GATEWAY_PID + ")") == null) {
            Hashtable<String, Object> gateway = new Hashtable<>();
            gateway.put("freshSeconds", Integer.valueOf(fresh));
            configAdmin.getConfiguration(GATEWAY_PID, "?").update(gateway);
        }
        // the Felix Health Checks' own servlet, so that the sidecars' health checks answer at /system/health
        if (configAdmin.listConfigurations("(service.pid=" + HEALTH_SERVLET_PID + ")") == null) {
            Hashtable<String, Object> servlet = new Hashtable<>();
            servlet.put("servletPath", "/system/health");
            configAdmin.getConfiguration(HEALTH_SERVLET_PID, "?").update(servlet);
        }
        String url = context.getProperty("erpinsight.sidecar.url");
        if (url == null || url.isBlank()) {
            return;
        }
        Map<String, String> launched = Map.of(
                "url", url,
                ".apiKey", valueOr(context.getProperty("erpinsight.sidecar.apiKey"), ""),
                "transport", valueOr(context.getProperty("erpinsight.sidecar.transport"), "rest"));
        Configuration[] existing = configAdmin.listConfigurations("(service.factoryPid=" + SIDECAR_PID + ")");
        if (existing != null && existing.length > 0) {
            for (Configuration config : existing) {
                followLaunchSettings(config, launched);
            }
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("source", SampleLinks.SOURCE);
        launched.forEach(props::put);
        String readTimeout = context.getProperty("erpinsight.sidecar.readTimeoutMillis");
        if (readTimeout != null) {
            props.put("readTimeoutMillis", Integer.valueOf(readTimeout));
        }
        launched.forEach((key, value) -> props.put(LAUNCHED + key, value));
        configAdmin.createFactoryConfiguration(SIDECAR_PID, "?").update(props);
        LOG.info("Configured the default sidecar at " + url + " (" + props.get("transport") + ")");
    }

    /**
     * A launch setting the user changed since the last start (another sidecar port, say) reaches
     * the configuration it made; a setting the admin changed in the Web Console since stays, as
     * long as the launch setting is the same as when it was first applied.
     */
    private static void followLaunchSettings(Configuration config, Map<String, String> launched) throws IOException {
        Dictionary<String, Object> props = config.getProperties();
        if (props == null) {
            return;
        }
        if (props.get(LAUNCHED + "url") == null) {
            // made before the host remembered launch settings: take its present values as the last launched
            for (String key : launched.keySet()) {
                Object value = props.get(key);
                props.put(LAUNCHED + key, value == null ? "" : value.toString());
            }
        }
        boolean changed = false;
        for (Map.Entry<String, String> setting : launched.entrySet()) {
            if (!setting.getValue().equals(props.get(LAUNCHED + setting.getKey()))) {
                props.put(setting.getKey(), setting.getValue());
                props.put(LAUNCHED + setting.getKey(), setting.getValue());
                changed = true;
            }
        }
        if (changed) {
            config.update(props);
            LOG.info("The launch settings changed: the sidecar configuration follows them (" + props.get("url") + ", "
                    + props.get("transport") + ")");
        }
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
