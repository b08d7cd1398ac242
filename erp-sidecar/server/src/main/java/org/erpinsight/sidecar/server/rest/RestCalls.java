package org.erpinsight.sidecar.server.rest;

import java.io.IOException;

import org.erpinsight.sidecar.core.CachingErp;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.server.ops.CallLog;
import org.erpinsight.sidecar.server.security.ApiKeys;
import org.erpinsight.sidecar.server.security.RequestGate;
import org.erpinsight.sidecar.server.security.RequiresScope;
import org.erpinsight.sidecar.server.security.Scope;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Around every REST operation: refuses a key without the operation's scope, then times the
 * call and logs it under the operation's name (the resource method's name, which is the
 * OpenAPI operationId).
 */
public final class RestCalls implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = "erpinsight.started";

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest http;

    private final CallLog log;

    public RestCalls(CallLog log) {
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        request.setProperty(STARTED, System.nanoTime());
        CachingErp.takeOldestUsed();
        if (resource.getResourceClass() == ContractDocuments.class) {
            return; // public, like the WSDL
        }
        RequiresScope required = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RequiresScope.class);
        Scope scope = required == null ? Scope.READ : required.value();
        ApiKeys.ApiKey key = (ApiKeys.ApiKey) http.getAttribute(RequestGate.API_KEY);
        if (key == null || !key.may(scope)) {
            request.abortWith(Problems.response(ErrorCode.FORBIDDEN,
                    "This API key lacks the scope " + scope.name().toLowerCase(java.util.Locale.ROOT) + " that this operation needs"));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String operation = resource.getResourceMethod() == null ? "unknown" : resource.getResourceMethod().getName();
        ApiKeys.ApiKey key = (ApiKeys.ApiKey) http.getAttribute(RequestGate.API_KEY);
        String code = response.getEntity() instanceof Problems.Problem p ? p.code() : null;
        java.time.Instant cached = CachingErp.takeOldestUsed();
        if (cached != null) {
            // HTTP's own header for an answer served from a cache: its age in seconds
            response.getHeaders().putSingle("Age", Long.toString(java.time.Duration.between(cached, java.time.Instant.now()).toSeconds()));
        }
        log.answered("rest", operation, response.getStatus(), started == null ? 0 : System.nanoTime() - (Long) started,
                key == null ? "-" : key.name(), code);
    }
}
