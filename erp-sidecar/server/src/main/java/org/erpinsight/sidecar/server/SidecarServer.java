package org.erpinsight.sidecar.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.erpinsight.sidecar.odata.ReportServlet;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.CachingErp;
import org.erpinsight.sidecar.core.ErpAdapter;
import org.erpinsight.sidecar.core.UseCases;
import org.erpinsight.sidecar.server.ops.HealthServlet;
import org.erpinsight.sidecar.server.rest.Json;
import org.erpinsight.sidecar.server.rest.Problems;
import org.erpinsight.sidecar.server.rest.RestResources;
import org.erpinsight.sidecar.server.ops.CallLog;
import org.erpinsight.sidecar.server.ops.MeasuredErp;
import org.erpinsight.sidecar.server.ops.Metrics;
import org.erpinsight.sidecar.server.ops.MetricsServlet;
import org.erpinsight.sidecar.server.rest.RestCalls;
import org.erpinsight.sidecar.server.security.RateLimiter;
import org.erpinsight.sidecar.server.security.RequestGate;
import org.erpinsight.sidecar.server.soap.SoapEndpoints;
import org.erpinsight.sidecar.server.soap.ErpSoapEndpoint;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.servlet.DispatcherType;

/**
 * One Jetty server on one port: CXF serves the use cases as REST under /api/v1 and as SOAP
 * under /soap/erp, Olingo as a read-only OData feed under /odata/v1; a filter in front checks API
 * keys; /health sits beside them.
 */
public final class SidecarServer implements AutoCloseable {
    public static final String REST_PATH = "/api/v1";
    public static final String SOAP_PATH = "/soap/erp";

    private final Server jetty;
    private final Bus bus;
    private final ErpAdapter erp;

    private SidecarServer(Server jetty, Bus bus, ErpAdapter erp) {
        this.jetty = jetty;
        this.bus = bus;
        this.erp = erp;
    }

    public static SidecarServer start(SidecarConfig config) throws Exception {
        ErpAdapter erp;
        try {
            erp = SidecarConfig.factory(config.adapter()).open(new AdapterSettings(config.dataDirectory(), Clock.systemDefaultZone(),
                    config.adapterSettings()));
        } catch (IllegalArgumentException e) {
            throw new SidecarConfig.InvalidConfig("adapter " + config.adapter() + ": " + e.getMessage());
        }
        try {
            return start(config, erp);
        } catch (Exception | Error e) {
            erp.close();
            throw e;
        }
    }

    static SidecarServer start(SidecarConfig config, ErpAdapter adapter) throws Exception {
        Metrics metrics = new Metrics();
        // measured inside the cache: the ERP call metrics count only what reaches the ERP
        ErpAdapter erp = CachingErp.wrap(MeasuredErp.wrap(adapter, metrics), Duration.ofSeconds(config.cacheSeconds()), 10_000,
                Clock.systemUTC());
        CallLog calls = new CallLog(metrics);
        UseCases uses = UseCases.over(erp, Clock.systemDefaultZone());

        Bus bus = BusFactory.newInstance().createBus();
        CXFNonSpringServlet cxf = new CXFNonSpringServlet();
        cxf.setBus(bus);
        ServletHolder cxfHolder = new ServletHolder("cxf", cxf);
        cxfHolder.setInitParameter("hide-service-list-page", "true");

        Server jetty = new Server();
        ServerConnector connector = connector(jetty, config.tls());
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        jetty.setErrorHandler(errors);
        // on stop: refuse new requests, let those in flight finish for up to ten seconds
        jetty.setStopTimeout(10_000);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(cxfHolder, "/*");
        context.addServlet(new ServletHolder("health", new HealthServlet(erp)), "/health");
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");
        // the reporting feed reads past the cache: a BI refresh reads everything once and must not push
        // out the figures the CRM's pages reuse
        context.addServlet(new ServletHolder("odata", new ReportServlet(UseCases.over(MeasuredErp.wrap(adapter, metrics),
                Clock.systemDefaultZone()))), RequestGate.ODATA_PATH + "/*");
        RateLimiter limiter = new RateLimiter(config.rateLimit(), config.keyRateLimits(), System::nanoTime);
        context.addFilter(new FilterHolder(new RequestGate(config.apiKeys(), limiter, config.maxBodyBytes(), metrics,
                config.tls() != null && config.tls().clientCertificates() ? config.tls().clientScopes() : null)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        jetty.setHandler(new GracefulHandler(context));

        JAXRSServerFactoryBean rest = new JAXRSServerFactoryBean();
        rest.setBus(bus);
        rest.setAddress(REST_PATH);
        rest.setServiceBeans(RestResources.all(uses));
        rest.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new Problems(), new RestCalls(calls)));
        rest.create();

        EndpointImpl soap = new EndpointImpl(bus, new ErpSoapEndpoint(uses, calls));
        soap.publish(SOAP_PATH);
        SoapEndpoints.hardenAndCodeFaults(soap, metrics);

        jetty.start();
        return new SidecarServer(jetty, bus, erp);
    }

    /** Plain HTTP, or HTTPS with the configured key store and, with a trust store, required client certificates. */
    private static ServerConnector connector(Server jetty, SidecarConfig.Tls tls) {
        if (tls == null) {
            return new ServerConnector(jetty);
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(new String(tls.keyStorePassword()));
        ssl.setKeyStoreType("PKCS12");
        if (tls.clientCertificates()) {
            ssl.setTrustStorePath(tls.trustStore().toString());
            ssl.setTrustStorePassword(new String(tls.trustStorePassword()));
            ssl.setTrustStoreType("PKCS12");
            ssl.setNeedClientAuth(true);
        }
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients often reach the sidecar by IP address, which a certificate's host name check would refuse
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The server's base address as a client on this machine reaches it. */
    public URI baseUri() {
        String host = ((ServerConnector) jetty.getConnectors()[0]).getHost();
        if (host == null || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        boolean tls = jetty.getConnectors()[0].getProtocols().contains("ssl");
        return URI.create((tls ? "https://" : "http://") + host + ":" + port());
    }

    public ErpAdapter erp() {
        return erp;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            bus.shutdown(true);
            erp.close();
        }
    }
}
