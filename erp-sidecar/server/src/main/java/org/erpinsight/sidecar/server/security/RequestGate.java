package org.erpinsight.sidecar.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.server.ops.Metrics;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request passes here first. Outside the API, /health and /metrics there is nothing (a
 * 404); the contract documents are public; everything else needs a valid {@code X-API-Key},
 * must stay under the body size limit and the key's rate limit. Refusals are answered in the
 * caller's protocol: problem+json for REST, a SOAP fault carrying the same code for SOAP.
 */
public final class RequestGate implements Filter {
    public static final String HEADER = "X-API-Key";
    /** Request attribute holding the authenticated {@link ApiKeys.ApiKey}, for scope checks, logs and metrics. */
    public static final String API_KEY = "erpinsight.apiKey";

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;
    private final long maxBodyBytes;
    private final Metrics metrics;

    private final java.util.Set<Scope> clientCertificateScopes;

    /** @param clientCertificateScopes scopes of a client authenticated by its TLS certificate; null when mutual TLS is off */
    public RequestGate(ApiKeys keys, RateLimiter rateLimiter, long maxBodyBytes, Metrics metrics,
                       java.util.Set<Scope> clientCertificateScopes) {
        this.keys = keys;
        this.clientCertificateScopes = clientCertificateScopes;
        this.rateLimiter = rateLimiter;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean rest = path.startsWith("/api/v1/") || path.equals("/api/v1");
        boolean soap = path.startsWith("/soap/");
        boolean odata = path.startsWith(ODATA_PATH + "/") || path.equals(ODATA_PATH);
        if (!rest && !soap && !odata) {
            if (path.equals("/health") || path.equals("/metrics")) {
                if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
                    metrics.rejected("method_not_allowed");
                    response.setHeader("Allow", "GET, HEAD");
                    ProblemWriter.write(response, ErrorCode.METHOD_NOT_ALLOWED, path + " answers GET only");
                    return;
                }
                chain.doFilter(req, res);
            } else {
                // CXF is mapped to /*; answer everything outside the API here, in the contract's format
                metrics.rejected("not_found");
                ProblemWriter.write(response, ErrorCode.NOT_FOUND,
                        "Nothing here: the API is under /api/v1, SOAP under /soap/erp, the OData feed under /odata/v1, health at /health, "
                                + "metrics at /metrics");
            }
            return;
        }
        if (soap && !"POST".equals(request.getMethod()) && !isPublicDocument(request, path)) {
            // SOAP 1.1 travels by POST; CXF would answer anything else with a server fault
            metrics.rejected("method_not_allowed");
            response.setHeader("Allow", "POST");
            ProblemWriter.write(response, ErrorCode.METHOD_NOT_ALLOWED, "SOAP requests are sent by POST; the WSDL is at ?wsdl");
            return;
        }
        if (odata) {
            gateFeed(request, response, chain);
            return;
        }
        String malformed = malformedAddress(request.getRequestURI(), request.getQueryString());
        if (malformed != null) {
            // CXF parses the address with java.net.URI and decodes escapes deep inside; it would fail there as an internal error
            metrics.rejected("malformed_uri");
            refuse(response, soap, ErrorCode.INVALID_REQUEST, malformed);
            return;
        }
        if (!knownCharset(request.getCharacterEncoding())) {
            // the servlet container would fail reading the body, as an internal error
            metrics.rejected("unsupported_charset");
            refuse(response, soap, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body's charset is not one this service knows; send UTF-8");
            return;
        }
        if (isPublicDocument(request, path)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<ApiKeys.ApiKey> key = keys.authenticate(request.getHeader(HEADER));
        if (key.isEmpty() && request.getHeader(HEADER) == null) {
            key = certificateHolder(request);
        }
        if (key.isEmpty()) {
            metrics.rejected("unauthenticated");
            String message = request.getHeader(HEADER) == null
                    ? "Send your API key in the " + HEADER + " header"
                    : "The API key is not valid";
            if (!soap) {
                response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            }
            refuse(response, soap, ErrorCode.UNAUTHENTICATED, message);
            return;
        }
        long retryAfter = rateLimiter.acquire(key.get().name());
        if (retryAfter > 0) {
            metrics.rejected("rate_limited");
            response.setHeader("Retry-After", Long.toString(retryAfter));
            refuse(response, soap, ErrorCode.RATE_LIMITED, "Too many requests for this API key; retry in " + retryAfter + " s");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            metrics.rejected("too_large");
            refuse(response, soap, ErrorCode.PAYLOAD_TOO_LARGE, "The body may have at most " + maxBodyBytes + " bytes");
            return;
        }
        request.setAttribute(API_KEY, key.get());
        chain.doFilter(length < 0 ? new LimitedBody(request, maxBodyBytes) : request, res);
    }

    /** Where the OData feed is served. */
    public static final String ODATA_PATH = "/odata/v1";

    /**
     * The OData feed: read only, for keys with the report scope. Reporting tools (Excel, Power BI)
     * send credentials as HTTP Basic, so the key is also taken as Basic's password (the user name is
     * not checked); refusals are OData error answers.
     */
    private void gateFeed(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            metrics.rejected("method_not_allowed");
            response.setHeader("Allow", "GET, HEAD");
            FeedErrors.write(response, ErrorCode.METHOD_NOT_ALLOWED, "The feed is read only: GET");
            return;
        }
        String malformed = malformedAddress(request.getRequestURI(), request.getQueryString());
        if (malformed != null) {
            metrics.rejected("malformed_uri");
            FeedErrors.write(response, ErrorCode.INVALID_REQUEST, malformed);
            return;
        }
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            presented = basicPassword(request.getHeader("Authorization"));
        }
        Optional<ApiKeys.ApiKey> key = keys.authenticate(presented);
        if (key.isEmpty() && presented == null) {
            key = certificateHolder(request);
        }
        if (key.isEmpty()) {
            metrics.rejected("unauthenticated");
            response.setHeader("WWW-Authenticate", "Basic realm=\"ERP Insight OData feed\", charset=\"UTF-8\"");
            FeedErrors.write(response, ErrorCode.UNAUTHENTICATED, presented == null
                    ? "Send an API key with the report scope: as the " + HEADER + " header, or as the password of HTTP Basic"
                    : "The API key is not valid");
            return;
        }
        if (!key.get().may(Scope.REPORT)) {
            metrics.rejected("forbidden");
            FeedErrors.write(response, ErrorCode.FORBIDDEN, "The API key '" + key.get().name() + "' lacks the report scope");
            return;
        }
        long retryAfter = rateLimiter.acquire(key.get().name());
        if (retryAfter > 0) {
            metrics.rejected("rate_limited");
            response.setHeader("Retry-After", Long.toString(retryAfter));
            FeedErrors.write(response, ErrorCode.RATE_LIMITED, "Too many requests for this API key; retry in " + retryAfter + " s");
            return;
        }
        request.setAttribute(API_KEY, key.get());
        chain.doFilter(request, response);
    }

    /** The password of an HTTP Basic header, or null. */
    static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An OData error answer ({"error":{"code","message"}}), for refusals before the feed sees the request. */
    public static final class FeedErrors {
        private FeedErrors() {
        }

        public static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
            response.setStatus(code.httpStatus());
            response.setContentType("application/json;odata.metadata=minimal");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("OData-Version", "4.0");
            String json = "{\"error\":{\"code\":\"" + code.name() + "\",\"message\":\"" + ProblemWriter.escapeJson(message) + "\"}}";
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    static boolean knownCharset(String name) {
        if (name == null) {
            return true;
        }
        try {
            return java.nio.charset.Charset.isSupported(name.strip());
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    /** Why the raw path and query are not a valid URI reference (RFC 3986, as java.net.URI reads it), or null. */
    static String malformedAddress(String rawPath, String rawQuery) {
        for (String part : new String[] {rawPath, rawQuery}) {
            if (part == null) {
                continue;
            }
            for (int i = part.indexOf('%'); i >= 0; i = part.indexOf('%', i + 1)) {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0 || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return "The address has a malformed percent-escape: every % must be followed by two hexadecimal digits";
                }
            }
        }
        try {
            new java.net.URI(rawQuery == null ? rawPath : rawPath + "?" + rawQuery);
            return null;
        } catch (java.net.URISyntaxException e) {
            return "The address has a character that must be percent-encoded (at position " + (e.getIndex() + 1) + ")";
        }
    }

    /** With mutual TLS, Jetty has already verified the chain against the trust store; the subject names the caller. */
    private Optional<ApiKeys.ApiKey> certificateHolder(HttpServletRequest request) {
        if (clientCertificateScopes == null) {
            return Optional.empty();
        }
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chain instanceof java.security.cert.X509Certificate[] certificates && certificates.length > 0) {
            String subject = certificates[0].getSubjectX500Principal().getName();
            String name = subject.replaceAll("^.*?CN=([^,]+).*$", "$1");
            return Optional.of(new ApiKeys.ApiKey("cert:" + name, clientCertificateScopes));
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, boolean soap, ErrorCode code, String message) throws IOException {
        if (soap) {
            SoapFaults.write(response, code, message);
        } else {
            ProblemWriter.write(response, code, message);
        }
    }

    private static boolean isPublicDocument(HttpServletRequest request, String path) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String query = request.getQueryString();
        return path.equals("/api/v1/openapi.json") || path.equals("/api/v1/docs")
                || (path.startsWith("/soap/") && query != null && (query.equalsIgnoreCase("wsdl") || query.matches("xsd=[\\w.-]+\\.xsd")));
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

        static String escapeJson(String s) {
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
            // SOAP 1.1 sends faults with HTTP 500; the code inside tells the client what happened (429 stays 429
            // so that load balancers and retrying clients see it)
            response.setStatus(code.httpStatus() == 429 ? 429 : 500);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            String xml = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>" + (code.httpStatus() < 500 ? "soap:Client" : "soap:Server") + "</faultcode><faultstring>" + escapeXml(message) + "</faultstring><detail>"
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
