package org.erpinsight.crm.web.linkmanager;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.api.links.LinkSuggestions;
import org.erpinsight.crm.api.links.Suggestion;
import org.erpinsight.crm.api.links.SuggestionRun;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.view.Json;
import org.erpinsight.crm.web.view.Page;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The link manager, for those who may manage links ({@code /erp-insight/link-manager?source=&kind=CUSTOMER&q=}, the list
 * also as JSON with {@code &format=json}):
 * the links of a kind with search, records without one, the bulk suggestion run with its progress and
 * review queue, the newest audit entries, import (a dry run first) and the exports. Its forms post to
 * the link, suggestions and import endpoints with the user's CSRF token and come back here.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(LinkManagerServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "link-manager")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class LinkManagerServlet extends HttpServlet {
    public static final String PATH = "/erp-insight/link-manager";
    static final int SHOWN = 50;
    private static final long serialVersionUID = 1L;

    private final transient LinkService links;
    private final transient LinkSuggestions suggestions;
    private final transient RecordDirectory records;
    private final transient CrmUsers users;
    private final transient CsrfTokens csrf;
    private final transient ErpGateway gateway;
    private final String defaultSource;

    @Activate
    public LinkManagerServlet(@Reference LinkService links, @Reference LinkSuggestions suggestions, @Reference RecordDirectory records,
                              @Reference CrmUsers users, @Reference CsrfTokens csrf, @Reference ErpGateway gateway, InsightConfiguration config) {
        this.links = links;
        this.suggestions = suggestions;
        this.records = records;
        this.users = users;
        this.csrf = csrf;
        this.gateway = gateway;
        this.defaultSource = config.source();
    }

    /** A link with its record's name. */
    public record LinkRow(Link link, String recordName) {
    }

    /** What {@code linkmanager/page.jte} shows. */
    public record View(Texts t, String csrf, String source, List<String> sources, LinkKind kind, String q, int offset, List<LinkRow> links,
                       boolean more, List<CrmRecord> unlinked, SuggestionRun run, List<Suggestion> queue, List<LinkChange> recent, String self) {
        public String address(LinkKind k, String query, int from) {
            return LinkManagerServlet.address(source, k, query, from);
        }

        public String address(String inSource, LinkKind k, String query, int from) {
            return LinkManagerServlet.address(inSource, k, query, from);
        }

        /** A fresh key for a create form: a second click of the same form answers the same party. */
        public String createKey() {
            return "crm-" + java.util.UUID.randomUUID();
        }

        public int percent() {
            return run == null || run.total() == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * run.done() / run.total()));
        }
    }

    /** The page for a source, kind, search and offset. */
    static String address(String source, LinkKind kind, String query, int from) {
        return PATH + "?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&kind=" + kind.name()
                + (query == null || query.isEmpty() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                + (from > 0 ? "&offset=" + from : "");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CrmUser> user = users.currentUser(request);
        Texts texts = user.map(u -> Texts.of(u.locale())).orElse(Texts.ENGLISH);
        if (user.isEmpty() || !user.get().may(Permission.MANAGE_LINKS)) {
            Page.message(response, user.isEmpty() ? 401 : 403, texts, texts.get("manager.title"), "error", texts.get("linkPage.noPermission"), "/");
            return;
        }
        LinkKind kind;
        try {
            String k = request.getParameter("kind");
            kind = k == null || k.isBlank() ? LinkKind.CUSTOMER : LinkKind.valueOf(k.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = LinkKind.CUSTOMER;
        }
        String q = Optional.ofNullable(request.getParameter("q")).map(String::strip).orElse("");
        List<String> sources = new ArrayList<>(new java.util.TreeSet<>(gateway.sources()));
        if (!sources.contains(defaultSource)) {
            sources.add(0, defaultSource);
        }
        String source = Optional.ofNullable(request.getParameter("source")).map(String::strip).filter(sources::contains).orElse(defaultSource);
        int offset = 0;
        try {
            offset = Math.max(0, Integer.parseInt(Optional.ofNullable(request.getParameter("offset")).orElse("0")));
        } catch (NumberFormatException e) {
            // the first page
        }
        // links of the kind, a page of them: read by offset; a search reads the links page by page and keeps the matching ones
        List<LinkRow> shown = new ArrayList<>();
        boolean more = false;
        if (q.isEmpty()) {
            List<Link> page = links.links(source, kind, offset, SHOWN + 1);
            more = page.size() > SHOWN;
            for (Link l : page.subList(0, Math.min(SHOWN, page.size()))) {
                shown.add(new LinkRow(l, records.record(l.record()).map(CrmRecord::name).orElse("")));
            }
        } else {
            int matched = 0;
            String needle = q.toLowerCase(Locale.ROOT);
            outer:
            for (int from = 0; ; from += 1000) {
                List<Link> page = links.links(source, kind, from, 1000);
                for (Link l : page) {
                    String name = records.record(l.record()).map(CrmRecord::name).orElse("");
                    if (!(l.record().id().toLowerCase(Locale.ROOT).contains(needle) || name.toLowerCase(Locale.ROOT).contains(needle)
                            || l.erpNumber().toLowerCase(Locale.ROOT).contains(needle))) {
                        continue;
                    }
                    if (matched++ < offset) {
                        continue;
                    }
                    if (shown.size() == SHOWN) {
                        more = true;
                        break outer;
                    }
                    shown.add(new LinkRow(l, name));
                }
                if (page.size() < 1000) {
                    break;
                }
            }
        }
        List<CrmRecord> unlinked = new ArrayList<>();
        List<RecordType> types = kind == LinkKind.PROJECT ? List.of(RecordType.PROJECT) : List.of(RecordType.COMPANY, RecordType.CONTACT);
        for (RecordType type : types) {
            for (int from = 0; unlinked.size() < SHOWN; from += 200) {
                List<CrmRecord> page = records.page(type, from, 200);
                for (CrmRecord r : page) {
                    if (unlinked.size() < SHOWN && links.linkOf(r.ref(), source, kind).isEmpty()) {
                        unlinked.add(r);
                    }
                }
                if (page.size() < 200) {
                    break;
                }
            }
        }
        List<LinkChange> recent = links.latestChanges(20);
        if ("json".equals(request.getParameter("format"))) {
            // the same list for scripts
            StringBuilder json = new StringBuilder("{\"source\":").append(Json.string(source)).append(",\"kind\":\"").append(kind)
                    .append("\",\"offset\":").append(offset).append(",\"more\":").append(more).append(",\"links\":[");
            for (int i = 0; i < shown.size(); i++) {
                Link l = shown.get(i).link();
                json.append(i == 0 ? "" : ",").append("{\"record\":").append(Json.string(l.record().toString())).append(",\"recordName\":")
                        .append(Json.string(shown.get(i).recordName())).append(",\"erpNumber\":").append(Json.string(l.erpNumber()))
                        .append(",\"version\":").append(l.version()).append(",\"linkedAt\":\"").append(l.createdAt()).append("\",\"linkedBy\":")
                        .append(Json.string(l.createdBy())).append('}');
            }
            Json.send(response, 200, json.append("]}").toString());
            return;
        }
        String self = address(source, kind, q, offset);
        View view = new View(texts, csrf.tokenFor(user.get().id()), source, sources, kind, q, offset, shown, more, unlinked,
                suggestions.run().orElse(null), kind == LinkKind.PROJECT ? List.of() : suggestions.queue(source, kind, 0, 0, SHOWN),
                recent, self);
        Page.write(response, 200, texts, texts.get("manager.title"), Views.content("linkmanager/page.jte", view), "/");
    }
}
