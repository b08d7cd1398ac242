package org.erpinsight.crm.web.linkmanager;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /erp-insight/link-manager/import[?dryRun=true]}, body: the CSV (text/csv, UTF-8, at most
 * {@value #MAX_BYTES} bytes). Manage-links permission and the CSRF token ({@code X-CSRF-Token}). Answers
 * the report as JSON: counts, and every row with its outcome (WOULD_LINK, LINKED, UNCHANGED, REFUSED)
 * and, when refused, a stable code (MALFORMED, DUPLICATE_IN_FILE, UNKNOWN_RECORD, UNKNOWN_ERP_NUMBER,
 * CONFLICT, ERP_UNREACHABLE) and why.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(ImportServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "link-import")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class ImportServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/link-manager/import";
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final long serialVersionUID = 1L;

    private final transient LinkImport importer;
    private final transient CrmUsers users;
    private final transient CsrfTokens csrf;

    @Activate
    public ImportServlet(@Reference LinkService links, @Reference RecordDirectory records, @Reference ErpGateway gateway,
                         @Reference CrmUsers users, @Reference CsrfTokens csrf, InsightConfiguration config) {
        this.importer = new LinkImport(links, records, gateway, config.source());
        this.users = users;
        this.csrf = csrf;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CrmUser> user = users.currentUser(request);
        if (user.isEmpty()) {
            send(response, 401, "{\"code\":\"UNAUTHENTICATED\",\"detail\":\"Sign in first\"}");
            return;
        }
        if (!user.get().may(Permission.MANAGE_LINKS)) {
            send(response, 403, "{\"code\":\"FORBIDDEN\",\"detail\":\"You do not have permission to manage ERP links\"}");
            return;
        }
        if (!csrf.valid(user.get().id(), request.getHeader("X-CSRF-Token"))) {
            send(response, 403, "{\"code\":\"CSRF\",\"detail\":\"Send the CSRF token of GET " + SuggestionsServlet.PATH + " as X-CSRF-Token\"}");
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            send(response, 413, "{\"code\":\"PAYLOAD_TOO_LARGE\",\"detail\":\"At most " + MAX_BYTES + " bytes\"}");
            return;
        }
        boolean dryRun = "true".equalsIgnoreCase(request.getParameter("dryRun"));
        LinkImport.Report report;
        try (InputStreamReader body = new InputStreamReader(new LimitedStream(request.getInputStream(), MAX_BYTES), StandardCharsets.UTF_8)) {
            report = importer.run(body, dryRun, user.get().id());
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            send(response, 400, "{\"code\":\"INVALID_REQUEST\",\"detail\":" + Json.string(e.getMessage()) + "}");
            return;
        }
        StringBuilder json = new StringBuilder("{\"dryRun\":").append(report.dryRun()).append(",\"rows\":").append(report.rows())
                .append(",\"linked\":").append(report.linked()).append(",\"unchanged\":").append(report.unchanged()).append(",\"refused\":")
                .append(report.refused()).append(",\"report\":[");
        for (int i = 0; i < report.report().size(); i++) {
            LinkImport.Row r = report.report().get(i);
            json.append(i == 0 ? "" : ",").append("{\"row\":").append(r.line()).append(",\"record\":").append(Json.string(r.record()))
                    .append(",\"kind\":").append(Json.string(r.kind())).append(",\"erpNumber\":").append(Json.string(r.erpNumber()))
                    .append(",\"outcome\":\"").append(r.outcome()).append('"');
            if (r.code() != null) {
                json.append(",\"code\":\"").append(r.code()).append("\",\"message\":").append(Json.string(r.message()));
            }
            json.append('}');
        }
        send(response, 200, json.append("]}").toString());
    }

    /** Stops reading past the limit: a body without a length cannot outgrow it either. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(java.io.InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IllegalArgumentException("At most " + MAX_BYTES + " bytes");
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IllegalArgumentException("At most " + MAX_BYTES + " bytes");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        Json.send(response, status, json);
    }
}
