package org.erpinsight.crm.web.reporting;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Reporting: the keys with which a BI tool reads the links feed, and the reports shown as a tab on records. */
@ObjectClassDefinition(name = "ERP Insight reporting", description = "The CRM's side of the join for BI tools (the links feed at"
        + " /erp-insight/links.csv) and a Reports tab showing a BI dashboard filtered by the record's ERP number")
public @interface ReportingConfiguration {
    String PID = "org.erpinsight.crm.web.reporting";

    @AttributeDefinition(name = "Feed keys", type = AttributeType.PASSWORD, description = "NAME=SECRET, one per entry, secrets of at"
            + " least 24 characters; a BI tool sends the secret as HTTP Basic's password (any user name) or as X-API-Key")
    String[] _feedKeys() default {};

    @AttributeDefinition(name = "Report of a company", description = "The address of a report for a company, with {customerNumber},"
            + " {supplierNumber}, {recordId} filled in (URL-encoded); empty: no Reports tab on companies. E.g."
            + " https://bi.example.com/reports/customer?number={customerNumber}")
    String company_report() default "";

    @AttributeDefinition(name = "Report of a contact", description = "As for a company")
    String contact_report() default "";

    @AttributeDefinition(name = "Report of a project", description = "With {projectNumber} and {recordId}")
    String project_report() default "";

    @AttributeDefinition(name = "Tab title", description = "The Reports tab's title")
    String tabTitle() default "Reports";

    @AttributeDefinition(name = "Height (px)", description = "The report frame's height", min = "200", max = "4000")
    int frameHeight() default 700;
}
