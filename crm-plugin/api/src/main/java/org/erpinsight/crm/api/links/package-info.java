/**
 * Links between CRM records and ERP parties or projects: the only data ERP Insight stores.
 */
@Export
@Version("1.5.0")
package org.erpinsight.crm.api.links;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
