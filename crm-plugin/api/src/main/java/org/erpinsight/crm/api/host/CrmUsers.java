package org.erpinsight.crm.api.host;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import org.osgi.annotation.versioning.ConsumerType;

/** The host's sign-in, as ERP Insight's own HTTP endpoints need it. The host registers one as a service. */
@ConsumerType
public interface CrmUsers {

    /** The user signed in on this request, if any. */
    Optional<CrmUser> currentUser(HttpServletRequest request);
}
