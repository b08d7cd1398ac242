package org.erpinsight.crm.web.embed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One insight tab as a page of its own, for CRMs that are not OSGi based: their web panel or
 * iframe opens {@value #PATH}{@code ?tab=&record=&user=&name=&perms=&exp=&kid=&sig=}, signed as
 * {@link SignedEmbedding} says. Unsigned, changed, expired or over-long URLs are refused (403, a
 * stable code and a message); the page may be framed only by the configured origins. Keys change
 * without the servlet going away (the configuration is modified in place).
 */
@Component(service = Servlet.class, configurationPid = EmbedConfiguration.PID)
@Designate(ocd = EmbedConfiguration.class)
@HttpWhiteboardServletPattern(EmbeddedTabServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "embed")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class EmbeddedTabServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/embed";
    private static final long serialVersionUID = 1L;

    private final transient RecordDirectory directory;
    private final transient Map<String, RecordTab> tabs = new ConcurrentHashMap<>();
    private final transient Clock clock = Clock.systemUTC();
    private transient volatile SignedEmbedding signing;
    private volatile String frameAncestors;

    @Activate
    public EmbeddedTabServlet(@Reference RecordDirectory directory, EmbedConfiguration config) {
        this.directory = directory;
        modified(config);
    }

    @Modified
    void modified(EmbedConfiguration config) {
        this.signing = new SignedEmbedding(config._keys(), config.maxValiditySeconds());
        this.frameAncestors = config.frameAncestors().replaceAll("[\\r\\n;]", " ").strip();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addTab(RecordTab tab, Map<String, Object> properties) {
        Object id = properties.get(RecordTab.ID);
        if (id != null) {
            tabs.put(id.toString(), tab);
        }
    }

    void removeTab(RecordTab tab, Map<String, Object> properties) {
        tabs.values().remove(tab);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> p = new HashMap<>();
        for (String name : List.of("tab", "record", "user", "name", "perms", "exp", "kid", "sig")) {
            p.put(name, request.getParameter(name));
        }
        SignedEmbedding.Grant grant;
        try {
            grant = signing.verify(p, clock.instant());
        } catch (SignedEmbedding.Refused refused) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, refused.code, refused.getMessage());
            return;
        }
        RecordTab tab = tabs.get(grant.tab());
        if (tab == null) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "UNKNOWN_TAB", "No tab '" + grant.tab() + "' is installed");
            return;
        }
        CrmRecord record;
        try {
            record = directory.record(RecordRef.parse(grant.record())).orElse(null);
        } catch (IllegalArgumentException e) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "BAD_RECORD", "'" + grant.record() + "' is not TYPE/ID");
            return;
        }
        if (record == null) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "UNKNOWN_RECORD", "No record " + grant.record());
            return;
        }
        CrmUser user = new CrmUser("embedded:" + grant.user(), grant.userName().isEmpty() ? grant.user() : grant.userName(),
                grant.permissions());
        String fragment = tab.render(record, user, PATH);
        headers(response, HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + Html.escape(record.name()) + "</title><style>body{font-family:system-ui,sans-serif;margin:.5em;color:#222}"
                + "</style></head><body data-embedded=\"true\">" + fragment + "</body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private void headers(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "frame-ancestors " + (frameAncestors.isEmpty() ? "'none'" : frameAncestors));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        headers(response, status);
        String accept = request.getHeader("Accept");
        byte[] body;
        if (accept != null && accept.contains("application/json")) {
            response.setContentType("application/json;charset=UTF-8");
            body = ("{\"code\":\"" + code + "\",\"message\":\"" + Json.escape(message) + "\"}").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Refused</title></head><body>"
                    + "<p class=\"erp-error\" data-code=\"" + code + "\">" + Html.escape(message) + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        response.getOutputStream().write(body);
    }
}
