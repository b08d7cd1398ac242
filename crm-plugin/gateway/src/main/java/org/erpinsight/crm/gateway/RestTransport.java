package org.erpinsight.crm.gateway;

import org.erpinsight.crm.api.transport.SidecarClient;
import org.erpinsight.crm.api.transport.SidecarEndpoint;
import org.erpinsight.crm.api.transport.SidecarTransport;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The default transport: the contract's REST binding over the JDK's HttpClient, JSON by Jackson. */
@Component(property = SidecarTransport.PROPERTY + "=" + SidecarTransport.REST)
public class RestTransport implements SidecarTransport {
    // newer sidecars may add fields: ignore what this version does not know
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public SidecarClient connect(SidecarEndpoint endpoint) {
        return new RestSidecarClient(endpoint, json);
    }
}
