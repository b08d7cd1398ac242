package org.erpinsight.crm.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the insight tabs, as an admin edits them in the Web Console. */
@ObjectClassDefinition(name = "ERP Insight tabs", description = "Which ERP the insight tabs show")
public @interface InsightConfiguration {
    String PID = "org.erpinsight.crm.web.insight";

    @AttributeDefinition(name = "ERP source", description = "The sidecar source name whose figures the tabs show")
    String source() default "default";
}
