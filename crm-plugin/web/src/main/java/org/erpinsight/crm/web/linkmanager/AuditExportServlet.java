package org.erpinsight.crm.web.linkmanager;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Csv;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The link audit log as CSV, oldest first, streamed a page at a time: who changed which link, when,
 * from what to what, why, and where the change came from. For those who may manage links.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AuditExportServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "link-audit-export")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class AuditExportServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/link-manager/audit.csv";
    static final List<String> COLUMNS = List.of("ChangedAt", "Actor", "Action", "Origin", "RecordType", "RecordId", "Source", "Kind",
            "Before", "After", "Reason");
    private static final int PAGE = 1000;
    private static final long serialVersionUID = 1L;

    private final transient LinkService links;
    private final transient CrmUsers users;

    @Activate
    public AuditExportServlet(@Reference LinkService links, @Reference CrmUsers users) {
        this.links = links;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!users.currentUser(request).map(u -> u.may(Permission.MANAGE_LINKS)).orElse(false)) {
            response.setStatus(users.currentUser(request).isPresent() ? 403 : 401);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write("{\"code\":\"FORBIDDEN\",\"detail\":\"Only who may manage ERP links reads the audit log\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Writer out = Csv.start(response, "erp-insight-link-audit.csv", COLUMNS);
        for (int offset = 0; ; offset += PAGE) {
            List<LinkChange> page = links.changes(offset, PAGE);
            for (LinkChange c : page) {
                Csv.row(out, List.of(c.at().toString(), Csv.asText(c.actor()), c.action().name(), c.origin().name(), c.record().type().id(),
                        c.record().id(), c.source(), c.kind().name(), nullToEmpty(c.previousNumber()), nullToEmpty(c.newNumber()),
                        Csv.asText(nullToEmpty(c.reason()))));
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        out.flush();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
