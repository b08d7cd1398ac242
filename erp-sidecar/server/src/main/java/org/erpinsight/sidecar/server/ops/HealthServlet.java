package org.erpinsight.sidecar.server.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.erpinsight.sidecar.core.ErpAdapter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** /health: whether the sidecar and its ERP answer. Public, so it says nothing but UP or DOWN. */
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ErpAdapter erp;

    public HealthServlet(ErpAdapter erp) {
        this.erp = erp;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean erpUp = erp.reachable();
        response.setStatus(erpUp ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        String body = "{\"status\":\"" + (erpUp ? "UP" : "DOWN") + "\",\"erp\":\"" + (erpUp ? "UP" : "DOWN") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
