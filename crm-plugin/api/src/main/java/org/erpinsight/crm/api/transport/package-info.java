/**
 * The SPI between the gateway and the bundles that speak the sidecar contract over a
 * protocol (REST in the gateway bundle, SOAP in its own optional bundle). A transport is a
 * whiteboard service with the property {@value org.erpinsight.crm.api.transport.SidecarTransport#PROPERTY}.
 */
@Export
@Version("1.1.0")
package org.erpinsight.crm.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
