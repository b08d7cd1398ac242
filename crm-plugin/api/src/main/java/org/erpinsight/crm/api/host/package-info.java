/**
 * The host SPI: what a CRM provides so that ERP Insight can work inside it (its records, its
 * users and their permissions), and the tab whiteboard through which ERP Insight's bundles
 * contribute views that the host renders on a record's page.
 */
@Export
@Version("1.1.0")
package org.erpinsight.crm.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
