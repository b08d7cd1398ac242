/**
 * What an admin sees of each configured sidecar: its state as the gateway saw it in recent calls
 * ({@link SidecarStatus}) and a connection test that checks the URL, the ERP behind it, the API key
 * and its scopes, and the transport, and says in words what is wrong ({@link ConnectionCheck}). The
 * gateway publishes one {@link SidecarHealth} service per sidecar, for the Web Console plugin, health
 * checks and any host's own monitoring.
 */
@Export
@Version("1.0.0")
package org.erpinsight.crm.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
