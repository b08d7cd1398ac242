package org.erpinsight.sidecar.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.erpinsight.sidecar.core.ErrorCode;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a request through to the API only with a valid {@code X-API-Key}; the contract
 * documents and /health are public, any other path is a 404. Refusals are answered in the caller's protocol: a
 * problem+json for REST, a SOAP fault carrying the same code for SOAP.
 */
public final class ApiKeyFilter implements Filter {
    public static final String HEADER = "X-API-Key";
    /** Request attribute holding the authenticated key's name, for logs and metrics. */
    public static final String KEY_NAME = "erpinsight.apiKey";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean rest = path.startsWith("/api/v1/") || path.equals("/api/v1");
        boolean soap = path.startsWith("/soap/");
        if (!rest && !soap) {
            if (path.equals("/health")) {
                chain.doFilter(req, res);
            } else {
                // CXF is mapped to /*; answer everything outside the API here, in the contract's format
                ProblemWriter.write(response, ErrorCode.NOT_FOUND,
                        "Nothing here: the API is under /api/v1, SOAP under /soap/erp, health at /health");
            }
            return;
        }
        if (isPublicDocument(request, path)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<String> key = keys.authenticate(request.getHeader(HEADER));
        if (key.isEmpty()) {
            String message = request.getHeader(HEADER) == null
                    ? "Send your API key in the " + HEADER + " header"
                    : "The API key is not valid";
            if (soap) {
                SoapFaults.write(response, ErrorCode.UNAUTHENTICATED, message);
            } else {
                response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
                ProblemWriter.write(response, ErrorCode.UNAUTHENTICATED, message);
            }
            return;
        }
        request.setAttribute(KEY_NAME, key.get());
        chain.doFilter(req, res);
    }

    private static boolean isPublicDocument(HttpServletRequest request, String path) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String query = request.getQueryString();
        return path.equals("/api/v1/openapi.json")
                || (path.startsWith("/soap/") && query != null && (query.equalsIgnoreCase("wsdl") || query.startsWith("xsd=")));
    }

    /** Writes problem+json without going through JAX-RS (the request never got that far). */
    public static final class ProblemWriter {
        private ProblemWriter() {
        }

        public static void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
            response.setStatus(code.httpStatus());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            String json = "{\"type\":\"https://erpinsight.org/problems/" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "\",\"title\":\"" + code.title() + "\",\"status\":" + code.httpStatus() + ",\"code\":\"" + code.name()
                    + "\",\"detail\":\"" + escapeJson(detail) + "\"}";
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }

        private static String escapeJson(String s) {
            StringBuilder out = new StringBuilder();
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }

    /** A SOAP 1.1 fault with the contract's erpFault detail, for refusals before CXF sees the request. */
    public static final class SoapFaults {
        private SoapFaults() {
        }

        public static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
            // SOAP 1.1 sends faults with HTTP 500; the code inside tells the client what happened
            response.setStatus(500);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            String xml = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Client</faultcode><faultstring>" + escapeXml(message) + "</faultstring><detail>"
                    + "<ns2:erpFault xmlns:ns2=\"http://erpinsight.org/sidecar/v1\"><ns2:code>" + code.name()
                    + "</ns2:code><ns2:message>" + escapeXml(message) + "</ns2:message></ns2:erpFault>"
                    + "</detail></soap:Fault></soap:Body></soap:Envelope>";
            response.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
        }

        private static String escapeXml(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
