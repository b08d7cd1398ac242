package org.erpinsight.crm.gateway;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How long ERP figures are reused, as an admin edits it in the Web Console. */
@ObjectClassDefinition(name = "ERP Insight gateway", description = "Reuse of ERP figures across page views and outages")
public @interface GatewayConfiguration {
    String PID = "org.erpinsight.crm.gateway";

    @AttributeDefinition(name = "Fresh for (s)", description = "Figures read this recently are shown without asking the sidecar"
            + " again; 0 reads live on every view", min = "0", max = "3600")
    int freshSeconds() default 15;

    @AttributeDefinition(name = "Renewed while shown (s)", description = "Figures up to this long past their freshness are"
            + " shown as they are, with the time they were read, while one call renews them, so that a page does not wait for"
            + " figures that were fresh a moment ago; 0 waits for the sidecar (with 'Fresh for' 0 nothing is renewed ahead)",
            min = "0", max = "3600")
    int renewSeconds() default 15;

    @AttributeDefinition(name = "Keep last known (h)", description = "When the sidecar or ERP is down, figures read up to this"
            + " long ago are shown, marked with their age", min = "0", max = "720")
    int keepLastKnownHours() default 24;
}
