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
        HostWords words = HostWords.of(user.locale());
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
                java.io.PrintWriter out = start(response, 404, words.get("notFound"), user, words);
                out.append("<p>").append(escape(words.get("noSuchRecord"))).append("</p>").append(END);
                return;
            }
            recordPage(response, record.get(), user, words, request.getRequestURI());
            return;
        }
        java.io.PrintWriter out = start(response, 200, words.get("records"), user, words);
        out.append(index(words)).append(END);
    }

    private String index(HostWords words) {
        StringBuilder html = new StringBuilder();
        for (RecordType type : RecordType.values()) {
            html.append("<h2>").append(escape(words.get("type." + type.id() + "s"))).append("</h2><ul>");
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

    /**
     * A record's page, streamed: the record and every tab's frame with a loading note go out at once,
     * then each tab's HTML as soon as it is ready (a small script puts it into its frame; without
     * script it shows below). The request thread renders tabs itself while the pool's threads wake,
     * so a page whose figures are at hand does not wait for thread hand-overs; tabs that wait for
     * the ERP still wait side by side.
     */
    private void recordPage(HttpServletResponse response, CrmRecord record, CrmUser user, HostWords words, String self) throws IOException {
        List<TabEntry> applicable = new ArrayList<>();
        for (TabEntry t : tabs.values()) {
            if (t.recordTypes().contains(record.ref().type().id())) {
                applicable.add(t);
            }
        }
        applicable.sort(Comparator.comparingInt(TabEntry::order).thenComparingLong(TabEntry::serviceId));
        java.util.concurrent.BlockingQueue<Rendering> done = new java.util.concurrent.LinkedBlockingQueue<>();
        List<Rendering> renderings = new ArrayList<>();
        for (TabEntry t : applicable) {
            Rendering r = new Rendering(t, () -> t.tab().render(record, user, self), done);
            renderings.add(r);
            renderers.execute(r);
        }
        java.io.PrintWriter out = start(response, 200, record.name(), user, words);
        StringBuilder html = new StringBuilder(2048).append("<p><a href=\"/crm/\">").append(escape(words.get("allRecords")))
                .append("</a></p><dl class=\"record\">");
        field(html, words.get("field.type"), words.get("type." + record.ref().type().id()));
        field(html, words.get("field.vat"), record.vatNumber());
        field(html, words.get("field.email"), record.email());
        field(html, words.get("field.phone"), record.phone());
        field(html, words.get("field.postcode"), (record.postcode() == null ? "" : record.postcode()) + " "
                + (record.countryCode() == null ? "" : record.countryCode()));
        html.append("</dl>");
        if (applicable.isEmpty()) {
            html.append("<p class=\"muted\">").append(escape(words.get("noTabs"))).append("</p>");
        }
        html.append("<nav class=\"tabs\">");
        applicable.forEach(t -> html.append("<a href=\"#tab-").append(escape(t.id())).append("\">").append(escape(t.title(user.locale()))).append("</a>"));
        html.append("</nav>");
        for (TabEntry t : applicable) {
            html.append("<section class=\"tab\" id=\"tab-").append(escape(t.id())).append("\" aria-busy=\"true\"><h2>")
                    .append(escape(t.title(user.locale()))).append("</h2><p class=\"loading\" role=\"status\">")
                    .append(escape(words.get("loading"))).append("</p></section>");
        }
        out.append(html).append(TAB_SCRIPT).append(FILL_SCRIPT);
        if (renderings.stream().anyMatch(r -> !r.isDone())) {
            // the frames now, the figures as they come
            out.flush();
        }
        for (Rendering r : renderings) {
            r.run(); // nothing when a pool thread has begun it
        }
        long deadline = System.nanoTime() + PAGE_DEADLINE_MILLIS * 1_000_000;
        for (int written = 0; written < renderings.size(); written++) {
            Rendering r;
            try {
                r = done.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (r == null) {
                break;
            }
            fill(out, r.entry.id(), r.html(record, words));
            if (!done.isEmpty() || written + 1 == renderings.size()) {
                continue;
            }
            out.flush();
        }
        for (Rendering r : renderings) {
            if (!r.isDone()) {
                r.cancel(true);
                LOG.warning("Tab " + r.entry.id() + " did not render within " + PAGE_DEADLINE_MILLIS + " ms for " + record.ref());
                fill(out, r.entry.id(), "<p class=\"error\">" + escape(words.get("tooLong")) + "</p>");
            }
        }
        out.append(END);
    }

    /** One tab being rendered; when done, it says so on the page's queue. */
    private static final class Rendering extends java.util.concurrent.FutureTask<String> {
        final TabEntry entry;
        private final java.util.concurrent.BlockingQueue<Rendering> done;

        Rendering(TabEntry entry, java.util.concurrent.Callable<String> render, java.util.concurrent.BlockingQueue<Rendering> done) {
            super(render);
            this.entry = entry;
            this.done = done;
        }

        @Override
        protected void done() {
            if (!isCancelled()) {
                done.add(this);
            }
        }

        /** The tab's HTML, or what the page says instead when it failed. */
        String html(CrmRecord record, HostWords words) {
            try {
                return get();
            } catch (java.util.concurrent.ExecutionException | InterruptedException | java.util.concurrent.CancellationException e) {
                LOG.log(Level.WARNING, "Tab " + entry.id() + " failed for " + record.ref(), e.getCause() == null ? e : e.getCause());
                return "<p class=\"error\">" + escape(words.get("failed")) + "</p>";
            }
        }
    }

    /** A tab's HTML for its frame; the fill script moves it there. */
    private static void fill(java.io.PrintWriter out, String tab, String html) {
        out.append("<div class=\"tab-content\" data-fills=\"tab-").append(escape(tab)).append("\">").append(html)
                .append("</div><script>fill()</script>");
    }

    /** Moves a tab's finished HTML into its frame, in place of the loading note. */
    private static final String FILL_SCRIPT = "<script>function fill(){var c=document.currentScript.previousElementSibling,"
            + "s=c&&document.getElementById(c.getAttribute('data-fills'));if(!s)return;var l=s.querySelector('p.loading');if(l)l.remove();"
            + "while(c.firstChild)s.appendChild(c.firstChild);c.remove();s.removeAttribute('aria-busy');}</script>";

    private static final String END = "</body></html>";

    private static void field(StringBuilder html, String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(value == null ? "–" : escape(value)).append("</dd>");
    }

    /** Starts a page: status, headers, the head and the header with the demo's switches; the body follows. */
    private static java.io.PrintWriter start(HttpServletResponse response, int status, String title, CrmUser user, HostWords words)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Cache-Control", "no-store");
        java.io.PrintWriter out = response.getWriter();
        out.append("<!DOCTYPE html><html lang=\"").append(user.locale().getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append(" · Reference CRM</title><style>").append(STYLE)
                // without script the tabs' HTML stays below their frames: no loading notes then
                .append("</style><noscript><style>p.loading{display:none}</style></noscript></head><body><header><strong>Reference CRM</strong><span>").append(escape(words.get("signedInAs"))).append(' ')
                .append(escape(user.displayName())).append(" · ").append(escape(words.get("switchTo")))
                .append(" <a href=\"?as=admin\">admin</a>, <a href=\"?as=sales\">sales</a>, <a href=\"?as=guest\">guest</a> · ")
                .append("<a href=\"?lang=en\" lang=\"en\">English</a>, <a href=\"?lang=da\" lang=\"da\">Dansk</a> · ")
                .append("<a href=\"/system/console\">Web Console</a></span></header><h1>").append(escape(title)).append("</h1>");
        return out;
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
            + "dl.record,dl.erp-figures{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1.5em}"
            + "dl.erp-figures div{display:contents}dt{color:#666}dd{margin:0}"
            + "nav.tabs a{margin-right:1em}section.tab{border-top:1px solid #ccc;margin-top:1.5em}"
            + ".erp-banner{padding:.5em 1em;margin:.5em 0;border-radius:4px}"
            + ".erp-banner-error{background:#fde2e1}.erp-banner-warning{background:#fff4d6}"
            + ".erp-asof,.muted,small{color:#666}header{display:flex;justify-content:space-between}"
            // one tab at a time; the URL's #tab-ID says which, so a reload or a shared link keeps it
            + "nav.tabs{border-bottom:1px solid #ccc;margin-top:1.5em}nav.tabs a{display:inline-block;padding:.4em .2em;"
            + "text-decoration:none}nav.tabs a[aria-selected=true]{border-bottom:3px solid #3b6ea5;font-weight:600}"
            + "section.tab[hidden]{display:none}"
            // a tab that waits for the ERP says so, with a moving bar, until its figures arrive
            + "p.loading{color:#666}p.loading::after{content:'';display:block;width:8em;height:3px;margin-top:.4em;"
            + "background:linear-gradient(90deg,#3b6ea5 30%,#e3e8ef 30%);background-size:200% 100%;animation:erp-wait 1s linear infinite}"
            + "@keyframes erp-wait{from{background-position:100% 0}to{background-position:-100% 0}}"
            + "@media (prefers-reduced-motion:reduce){p.loading::after{animation:none}}"
            + "@media (max-width:40em){body{margin:.6em}header{flex-direction:column}dl.record{grid-template-columns:1fr}"
            + "svg{max-width:100%;height:auto}.erp-table{display:block;overflow-x:auto}}"
            + "@media print{header,nav.tabs,form,button{display:none}section.tab[hidden]{display:block}"
            + "body{margin:0;max-width:none}}";

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
