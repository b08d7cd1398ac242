package org.erpinsight.crm.web.embed;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Embedding the tabs in CRMs that are not OSGi based, at signed, expiring URLs. */
@ObjectClassDefinition(name = "ERP Insight embedded tabs", description = "Signed URLs for web panels and iframes of other CRMs;"
        + " no key, no embedding")
public @interface EmbedConfiguration {
    String PID = "org.erpinsight.crm.web.embed";

    @AttributeDefinition(name = "Signing keys", type = AttributeType.PASSWORD, description = "KEYID=SECRET, one per entry, secrets"
            + " of at least 32 characters. To rotate: add the new key, let the CRM sign with it, then remove the old one")
    String[] _keys() default {};

    @AttributeDefinition(name = "Longest validity (s)", description = "URLs that expire later than this from now are refused",
            min = "10", max = "86400")
    int maxValiditySeconds() default 900;

    @AttributeDefinition(name = "Allowed framing origins", description = "The CSP frame-ancestors of embedded pages, e.g."
            + " https://crm.example.com ('none' forbids framing)")
    String frameAncestors() default "'self'";
}
