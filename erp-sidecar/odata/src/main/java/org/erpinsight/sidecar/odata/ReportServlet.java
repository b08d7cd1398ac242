package org.erpinsight.sidecar.odata;

import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.erpinsight.sidecar.core.UseCases;

/**
 * The OData v4 service root, read only: {@code $metadata}, the service document, and the entity
 * sets of {@link Feeds}. Authentication and rate limits are the sidecar's, in front of it.
 */
public final class ReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Feeds feeds;
    private final transient ServiceMetadata metadata;

    public ReportServlet(UseCases uses) {
        this.feeds = new Feeds(uses);
        this.metadata = OData.newInstance().createServiceMetadata(new ReportModel(feeds), List.of());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        // a handler per request, as Olingo intends; the model is made once
        OData odata = OData.newInstance();
        ODataHttpHandler handler = odata.createHandler(metadata);
        handler.register(new FeedProcessor(feeds));
        handler.process(request, response);
    }
}
