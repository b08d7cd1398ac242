package org.erpinsight.crm.links;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The link store's settings, as an admin edits them in the Web Console. */
@ObjectClassDefinition(name = "ERP Insight link store",
        description = "Where links between CRM records and ERP numbers are kept")
public @interface LinkStoreConfiguration {
    String PID = "org.erpinsight.crm.links";

    @AttributeDefinition(name = "Database directory", description = "Directory of the embedded Derby database;"
            + " empty keeps it in the bundle's data area")
    String databaseDirectory() default "";

    @AttributeDefinition(name = "Shared database (JDBC URL)", description = "For a CRM on several nodes: the link database on a"
            + " Derby network server they share, e.g. jdbc:derby://db-host:1527/erpinsight-links;create=true. Empty: the embedded"
            + " database in the directory above")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "Allow many records per ERP number", description = "Normally an ERP number is linked"
            + " to at most one CRM record per source and kind")
    boolean allowManyRecordsPerNumber() default false;
}
