/**
 * ERP Insight's view of the ERP, as the CRM side sees it: parties, customer overviews and the
 * {@link org.erpinsight.crm.api.ErpGateway} that reads them from a configured sidecar.
 */
@Export
@Version("1.0.0")
package org.erpinsight.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
