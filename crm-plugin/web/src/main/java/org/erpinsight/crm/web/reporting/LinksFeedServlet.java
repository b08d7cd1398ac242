package org.erpinsight.crm.web.reporting;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Csv;
import org.erpinsight.crm.web.view.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The CRM's side of the join: every link (the CRM record, its name, the ERP source, kind and number)
 * as CSV (RFC 4180, UTF-8 with a byte order mark for Excel), streamed a page of links at a time. A
 * BI tool joins it with the sidecar's OData feed by number — Customers.Number, Suppliers.Number,
 * Projects.Number — copying nothing into either system. Columns are named as the feed names its
 * properties. Read by a CRM user who may see financial figures, or by a BI tool with a feed key.
 *
 * <p>{@code GET /erp-insight/links.csv[?source=default][&kind=CUSTOMER]}
 */
@Component(service = Servlet.class, configurationPid = ReportingConfiguration.PID)
@Designate(ocd = ReportingConfiguration.class)
@HttpWhiteboardServletPattern(LinksFeedServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "links-feed")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class LinksFeedServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/links.csv";
    static final List<String> COLUMNS = List.of("RecordType", "RecordId", "RecordName", "Source", "Kind", "ErpNumber", "LinkedAt",
            "LinkedBy");
    private static final int PAGE = 1000;
    private static final int MIN_SECRET = 24;
    private static final long serialVersionUID = 1L;

    private final transient LinkService links;
    private final transient RecordDirectory records;
    private final transient CrmUsers users;
    private transient volatile Map<String, byte[]> keys;

    @Activate
    public LinksFeedServlet(@Reference LinkService links, @Reference RecordDirectory records, @Reference CrmUsers users,
                            ReportingConfiguration config) {
        this.links = links;
        this.records = records;
        this.users = users;
        modified(config);
    }

    @Modified
    void modified(ReportingConfiguration config) {
        Map<String, byte[]> parsed = new java.util.HashMap<>();
        for (String entry : config._feedKeys()) {
            int eq = entry.indexOf('=');
            String secret = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (eq > 0 && secret.length() >= MIN_SECRET) {
                parsed.put(entry.substring(0, eq).strip(), secret.getBytes(StandardCharsets.UTF_8));
            }
        }
        this.keys = Map.copyOf(parsed);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request)) {
            boolean presented = request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null
                    || users.currentUser(request).isPresent();
            response.setStatus(presented ? 403 : 401);
            if (!presented) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"ERP Insight links feed\", charset=\"UTF-8\"");
            }
            refuse(response, presented ? "FORBIDDEN" : "UNAUTHENTICATED", presented
                    ? "Not allowed: a CRM user who may see financial figures, or a feed key of the ERP Insight reporting configuration"
                    : "Sign in to the CRM, or send a feed key as HTTP Basic's password or as X-API-Key");
            return;
        }
        String source = blankToNull(request.getParameter("source"));
        LinkKind kind;
        try {
            String k = blankToNull(request.getParameter("kind"));
            kind = k == null ? null : LinkKind.valueOf(k.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            refuse(response, "INVALID_REQUEST", "kind must be CUSTOMER, SUPPLIER or PROJECT");
            return;
        }
        Writer out = Csv.start(response, "erp-insight-links.csv", COLUMNS);
        for (int offset = 0; ; offset += PAGE) {
            List<Link> page = links.links(source, kind, offset, PAGE);
            for (Link link : page) {
                Optional<CrmRecord> record = records.record(link.record());
                Csv.row(out, List.of(link.record().type().id(), link.record().id(), Csv.asText(record.map(CrmRecord::name).orElse("")), link.source(),
                        link.kind().name(), link.erpNumber(), link.createdAt().toString(), link.createdBy()));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        out.flush();
    }

    /** A CRM user who may see figures, or a configured feed key (compared in constant time). */
    private boolean allowed(HttpServletRequest request) {
        if (users.currentUser(request).map(u -> u.may(Permission.VIEW_FINANCIALS)).orElse(false)) {
            return true;
        }
        String presented = request.getHeader("X-API-Key");
        if (presented == null) {
            presented = basicPassword(request.getHeader("Authorization"));
        }
        if (presented == null) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] secret : keys.values()) {
            match |= MessageDigest.isEqual(secret, given);
        }
        return match;
    }

    static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(HttpServletResponse response, String code, String message) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":" + Json.string(message) + "}");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
