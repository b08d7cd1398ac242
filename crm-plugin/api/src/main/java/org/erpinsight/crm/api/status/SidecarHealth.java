package org.erpinsight.crm.api.status;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One configured sidecar as an admin sees it; a service per sidecar with the property
 * {@value #SOURCE_PROPERTY}.
 */
@ProviderType
public interface SidecarHealth {
    /** Service property: the sidecar's source name, as configured. */
    String SOURCE_PROPERTY = "source";

    String source();

    /** The state from the calls the CRM made lately; asks nothing. */
    SidecarStatus status();

    /** Asks the sidecar now: URL, ERP, API key, scopes, transport. Takes at most a few timeouts. */
    ConnectionCheck check();
}
