package org.erpinsight.crm.reference.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.host.RecordType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The reference host's pages: /crm/ lists the records, /crm/TYPE/ID shows one record with the
 * tabs that bundles publish on the whiteboard, in their order. A tab that fails shows an error
 * in its own panel; the page itself always renders.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/crm/*")
@HttpWhiteboardServletName("reference-host-record-pages")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=default)")
public class RecordPages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordPages.class.getName());

    /** A registered tab with its whiteboard properties. */
    private record TabEntry(RecordTab tab, String id, String title, Map<String, String> titles, List<String> recordTypes, int order,
            long serviceId) {
        /** The title in the user's language where the tab gives one. */
        String title(java.util.Locale locale) {
            return titles.getOrDefault(locale.getLanguage(), title);
        }
    }

    private final transient SampleDirectory directory;
    private final transient DemoUsers users;
    private final transient Map<Long, TabEntry> tabs = new ConcurrentSkipListMap<>();
    /**
     * Tabs render side by side, so a page takes as long as its slowest tab, not the sum. Each tab
     * bounds its own waiting (the gateway's deadline); the page still stops waiting after
     * {@link #PAGE_DEADLINE_MILLIS} for a tab that does not.
     */
    private final transient java.util.concurrent.ExecutorService renderers = java.util.concurrent.Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "reference-host-tab");
        t.setDaemon(true);
        return t;
    });
    private static final long PAGE_DEADLINE_MILLIS = 20_000;
    /** Shows the tab the URL names (#tab-ID), else the first; without script every tab shows, one below the other. */
    private static final String TAB_SCRIPT = "<script>(function(){var s=document.querySelectorAll('section.tab');if(!s.length)return;"
            + "var links=document.querySelectorAll('nav.tabs a');function show(h){var f=false;s.forEach(function(x){f=f||('#'+x.id)===h;});"
            + "if(!f)h='#'+s[0].id;s.forEach(function(x){x.hidden=('#'+x.id)!==h;});"
            + "links.forEach(function(a){a.setAttribute('aria-selected',a.getAttribute('href')===h?'true':'false');});}"
            + "show(location.hash);window.addEventListener('hashchange',function(){show(location.hash);});})();</script>";

    @Activate
    public RecordPages(@Reference SampleDirectory directory, @Reference DemoUsers users) {
        this.directory = directory;
        this.users = users;
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        renderers.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTab(RecordTab tab, Map<String, Object> props) {
        long serviceId = (Long) props.get("service.id");
        Map<String, String> titles = new java.util.HashMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(RecordTab.TITLE + ".")) {
                titles.put(key.substring(RecordTab.TITLE.length() + 1), String.valueOf(value));
            }
        });
        tabs.put(serviceId, new TabEntry(tab, String.valueOf(props.get(RecordTab.ID)), String.valueOf(props.get(RecordTab.TITLE)), titles,
                strings(props.get(RecordTab.RECORD_TYPES)), props.get(RecordTab.ORDER) instanceof Integer i ? i : 1000,
                serviceId));
    }

    void removeTab(RecordTab tab, Map<String, Object> props) {
        tabs.remove((Long) props.get("service.id"));
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** A demo user's or language's choice, kept in a cookie; the page is shown again without the parameter. */
    private static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) throws IOException {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        response.sendRedirect(request.getRequestURI());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String as = request.getParameter("as");
        if (as != null && DemoUsers.USERS.containsKey(as)) {
            remember(request, response, DemoUsers.COOKIE, as);
            return;
        }
        String lang = request.getParameter("lang");
        if ("da".equals(lang) || "en".equals(lang)) {
            remember(request, response, DemoUsers.LANGUAGE_COOKIE, lang);
            return;
        }
        CrmUser user = users.currentUser(request).orElseThrow();
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        String[] parts = path.substring(1).split("/", 2);
        if (parts.length == 2 && !parts[1].isEmpty()) {
            Optional<CrmRecord> record;
            try {
                record = directory.record(new RecordRef(RecordType.fromId(parts[0]), parts[1]));
            } catch (IllegalArgumentException e) {
                record = Optional.empty();
            }
            if (record.isEmpty()) {
                page(response, 404, "Not found", user, "<p>No such record.</p>");
                return;
            }
            page(response, 200, record.get().name(), user, recordPage(record.get(), user, request.getRequestURI()));
            return;
        }
        page(response, 200, "Records", user, index());
    }

    private String index() {
        StringBuilder html = new StringBuilder();
        for (RecordType type : RecordType.values()) {
            html.append("<h2>").append(type.id().substring(0, 1).toUpperCase()).append(type.id().substring(1)).append("s</h2><ul>");
            for (SampleDirectory.Sample s : directory.samples()) {
                if (s.record().ref().type() == type) {
                    html.append("<li><a href=\"/crm/").append(type.id()).append('/').append(escape(s.record().ref().id()))
                            .append("\">").append(escape(s.record().name())).append("</a></li>");
                }
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    private String recordPage(CrmRecord record, CrmUser user, String self) {
        // sized for a page with its tabs (about 25 kB): no copying as it grows
        StringBuilder html = new StringBuilder(32 * 1024).append("<p><a href=\"/crm/\">All records</a></p><dl class=\"record\">");
        field(html, "Type", record.ref().type().id());
        field(html, "VAT number", record.vatNumber());
        field(html, "Email", record.email());
        field(html, "Phone", record.phone());
        field(html, "Postcode / country", (record.postcode() == null ? "" : record.postcode()) + " "
                + (record.countryCode() == null ? "" : record.countryCode()));
        html.append("</dl>");
        List<TabEntry> applicable = new ArrayList<>();
        for (TabEntry t : tabs.values()) {
            if (t.recordTypes().contains(record.ref().type().id())) {
                applicable.add(t);
            }
        }
        applicable.sort(Comparator.comparingInt(TabEntry::order).thenComparingLong(TabEntry::serviceId));
        if (applicable.isEmpty()) {
            html.append("<p class=\"muted\">No tabs for this record.</p>");
        }
        html.append("<nav class=\"tabs\">");
        applicable.forEach(t -> html.append("<a href=\"#tab-").append(escape(t.id())).append("\">").append(escape(t.title(user.locale()))).append("</a>"));
        html.append("</nav>");
        List<java.util.concurrent.Future<String>> rendered = new ArrayList<>();
        for (TabEntry t : applicable) {
            rendered.add(renderers.submit(() -> t.tab().render(record, user, self)));
        }
        long deadline = System.nanoTime() + PAGE_DEADLINE_MILLIS * 1_000_000;
        for (int i = 0; i < applicable.size(); i++) {
            TabEntry t = applicable.get(i);
            html.append("<section class=\"tab\" id=\"tab-").append(escape(t.id())).append("\"><h2>").append(escape(t.title(user.locale())))
                    .append("</h2>");
            try {
                html.append(rendered.get(i).get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                rendered.get(i).cancel(true);
                LOG.warning("Tab " + t.id() + " did not render within " + PAGE_DEADLINE_MILLIS + " ms for " + record.ref());
                html.append("<p class=\"error\">This tab took too long.</p>");
            } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.log(Level.WARNING, "Tab " + t.id() + " failed for " + record.ref(), e.getCause() == null ? e : e.getCause());
                html.append("<p class=\"error\">This tab could not be shown.</p>");
            }
            html.append("</section>");
        }
        return html.toString();
    }

    private static void field(StringBuilder html, String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(value == null ? "–" : escape(value)).append("</dd>");
    }

    private static void page(HttpServletResponse response, int status, String title, CrmUser user, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        StringBuilder html = new StringBuilder(body.length() + 4096).append("<!DOCTYPE html><html lang=\"").append(user.locale().getLanguage())
                .append("\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append(" · Reference CRM</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}")
                .append("dl.record,dl.erp-figures{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1.5em}")
                .append("dl.erp-figures div{display:contents}dt{color:#666}dd{margin:0}")
                .append("nav.tabs a{margin-right:1em}section.tab{border-top:1px solid #ccc;margin-top:1.5em}")
                .append(".erp-banner{padding:.5em 1em;margin:.5em 0;border-radius:4px}")
                .append(".erp-banner-error{background:#fde2e1}.erp-banner-warning{background:#fff4d6}")
                .append(".erp-asof,.muted,small{color:#666}header{display:flex;justify-content:space-between}")
                // one tab at a time; the URL's #tab-ID says which, so a reload or a shared link keeps it
                .append("nav.tabs{border-bottom:1px solid #ccc;margin-top:1.5em}nav.tabs a{display:inline-block;padding:.4em .2em;")
                .append("text-decoration:none}nav.tabs a[aria-selected=true]{border-bottom:3px solid #3b6ea5;font-weight:600}")
                .append("section.tab[hidden]{display:none}")
                .append("@media (max-width:40em){body{margin:.6em}header{flex-direction:column}dl.record{grid-template-columns:1fr}")
                .append("svg{max-width:100%;height:auto}.erp-table{display:block;overflow-x:auto}}")
                .append("@media print{header,nav.tabs,form,button{display:none}section.tab[hidden]{display:block}")
                .append("body{margin:0;max-width:none}}")
                .append("</style></head><body><header><strong>Reference CRM</strong><span>Signed in as ")
                .append(escape(user.displayName())).append(" · switch to <a href=\"?as=admin\">admin</a>, ")
                .append("<a href=\"?as=sales\">sales</a>, <a href=\"?as=guest\">guest</a> · <a href=\"?lang=en\" lang=\"en\">English</a>, ")
                .append("<a href=\"?lang=da\" lang=\"da\">Dansk</a> · <a href=\"/system/console\">Web Console</a>")
                .append("</span></header><h1>").append(escape(title)).append("</h1>").append(body).append(TAB_SCRIPT).append("</body></html>");
        // straight into the response, no String and byte[] copies of the page
        response.getWriter().append(html);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
