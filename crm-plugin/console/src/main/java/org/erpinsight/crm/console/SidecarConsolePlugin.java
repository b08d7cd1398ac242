package org.erpinsight.crm.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.status.ConnectionCheck;
import org.erpinsight.crm.api.status.SidecarHealth;
import org.erpinsight.crm.api.status.SidecarStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The "ERP Insight" page of the Apache Felix Web Console ({@code /system/console/erp-insight}):
 * every configured sidecar with its state as the CRM's calls found it, and a "Test connection"
 * button that checks the URL, the ERP, the API key and its scopes and the transport, and says in
 * words what is wrong. The Web Console finds the page by its {@code felix.webconsole.label} and
 * guards it with its own login; the Http Whiteboard leaves it alone (no servlet pattern).
 * {@code /system/console/erp-insight.json} gives the same as JSON, {@code ?test=SOURCE} runs a test.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + SidecarConsolePlugin.LABEL,
        "felix.webconsole.title=ERP Insight",
        "felix.webconsole.category=ERP Insight"})
public class SidecarConsolePlugin extends HttpServlet {
    static final String LABEL = "erp-insight";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient List<SidecarHealth> sidecars = new CopyOnWriteArrayList<>();
    /** The last test of each sidecar, shown until the next. */
    private final transient Map<String, Tested> lastTests = new ConcurrentHashMap<>();

    private record Tested(ConnectionCheck check, Instant at) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSidecar(SidecarHealth sidecar) {
        sidecars.add(sidecar);
    }

    void removeSidecar(SidecarHealth sidecar) {
        sidecars.remove(sidecar);
    }

    private List<SidecarHealth> sorted() {
        List<SidecarHealth> list = new ArrayList<>(sidecars);
        list.sort(Comparator.comparing(SidecarHealth::source));
        return list;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String test = request.getParameter("test");
        SidecarHealth tested = null;
        if (test != null) {
            tested = sorted().stream().filter(s -> s.source().equals(test)).findFirst().orElse(null);
            if (tested == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No sidecar named " + test + " is configured");
                return;
            }
            lastTests.put(tested.source(), new Tested(tested.check(), Instant.now()));
        }
        boolean json = request.getRequestURI().endsWith(".json");
        response.setHeader("Cache-Control", "no-store");
        if (json) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getWriter(), model());
        } else {
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            render(response.getWriter(), tested == null ? null : tested.source());
        }
    }

    private Map<String, Object> model() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SidecarHealth sidecar : sorted()) {
            SidecarStatus s = sidecar.status();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", s.source());
            m.put("url", s.url());
            m.put("transport", s.transport());
            m.put("state", s.state().name());
            m.put("circuitBreaker", s.state() == SidecarStatus.State.PAUSED ? "open" : "closed");
            m.put("secondsUntilRetry", s.secondsUntilRetry());
            m.put("calls", s.calls());
            m.put("failedCalls", s.failedCalls());
            m.put("lastError", s.lastError());
            m.put("lastErrorAt", s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
            m.put("lastAnswerAt", s.lastAnswerAt() == null ? null : s.lastAnswerAt().toString());
            m.put("recentCalls", s.recentCalls());
            m.put("latencyMedianMillis", s.latencyMedianMillis());
            m.put("latencyMaxMillis", s.latencyMaxMillis());
            m.put("busyCalls", s.busyCalls());
            m.put("breakerOpenings", s.breakerOpenings());
            m.put("sharedReads", s.sharedReads());
            m.put("callsInFlight", s.callsInFlight());
            m.put("callsWaiting", s.callsWaiting());
            Tested t = lastTests.get(s.source());
            if (t != null) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("at", t.at().toString());
                check.put("ok", t.check().ok());
                check.put("steps", t.check().steps().stream().map(step -> Map.of("name", step.name(),
                        "outcome", step.outcome().name(), "message", step.message())).toList());
                m.put("lastTest", check);
            }
            list.add(m);
        }
        return Map.of("sidecars", list);
    }

    private void render(PrintWriter out, String justTested) {
        List<SidecarHealth> list = sorted();
        out.println("<h2>ERP sidecars</h2>");
        if (list.isEmpty()) {
            out.println("<p class='statline ui-state-highlight'>No sidecar is configured. Create an <b>ERP Insight sidecar</b>"
                    + " configuration under OSGi &rarr; Configuration (factory PID <code>org.erpinsight.crm.gateway.sidecar</code>),"
                    + " or, in Karaf, a file <code>etc/org.erpinsight.crm.gateway.sidecar-NAME.cfg</code>.</p>");
            return;
        }
        out.println("<table class='nicetable' id='erp-insight-sidecars'><thead><tr><th>Source</th><th>URL</th><th>Transport</th>"
                + "<th>State</th><th>Circuit breaker</th><th>Calls (failed)</th><th>Latency, last calls</th><th>Last error</th>"
                + "<th>ERP, last test</th><th></th></tr></thead><tbody>");
        for (SidecarHealth sidecar : list) {
            SidecarStatus s = sidecar.status();
            Tested t = lastTests.get(s.source());
            out.print("<tr data-source='" + escape(s.source()) + "' data-state='" + s.state() + "'>");
            cell(out, s.source());
            cell(out, s.url());
            cell(out, s.transport());
            cell(out, stateInWords(s));
            cell(out, s.state() == SidecarStatus.State.PAUSED ? "open (calls fail at once; next try in " + s.secondsUntilRetry() + " s)" : "closed");
            cell(out, s.calls() + " (" + s.failedCalls() + ")");
            cell(out, s.recentCalls() == 0 ? "-" : "median " + s.latencyMedianMillis() + " ms, longest " + s.latencyMaxMillis()
                    + " ms (" + s.recentCalls() + " calls)");
            cell(out, s.lastError() == null ? "-" : s.lastError() + " (" + ago(s.lastErrorAt()) + ")");
            cell(out, t == null ? "not tested yet" : erpOf(t.check()) + " (" + ago(t.at()) + ")");
            out.print("<td><form method='get' action='" + LABEL + "'><input type='hidden' name='test' value='" + escape(s.source())
                    + "'><button type='submit' class='ui-button'>Test connection</button></form></td>");
            out.println("</tr>");
        }
        out.println("</tbody></table>");
        for (SidecarHealth sidecar : list) {
            Tested t = lastTests.get(sidecar.source());
            if (t == null) {
                continue;
            }
            out.println("<h3 id='test-" + escape(sidecar.source()) + "'>Test of '" + escape(sidecar.source()) + "' ("
                    + (t.check().ok() ? "passed" : "failed") + ", " + ago(t.at()) + ")" + (sidecar.source().equals(justTested) ? " &larr; just now" : "")
                    + "</h3>");
            out.println("<table class='nicetable erp-insight-test' data-ok='" + t.check().ok() + "'><tbody>");
            for (ConnectionCheck.Step step : t.check().steps()) {
                out.print("<tr data-step='" + escape(step.name()) + "' data-outcome='" + step.outcome() + "'>");
                cell(out, step.name());
                cell(out, switch (step.outcome()) {
                    case OK -> "OK";
                    case WARNING -> "Warning";
                    case FAILED -> "Failed";
                });
                cell(out, step.message());
                out.println("</tr>");
            }
            out.println("</tbody></table>");
        }
    }

    private static String erpOf(ConnectionCheck check) {
        return check.steps().stream().filter(s -> s.name().equals("ERP")).findFirst()
                .map(s -> s.outcome() == ConnectionCheck.Outcome.OK ? "up" : "down")
                .orElse("unknown (the sidecar did not answer)");
    }

    private static String stateInWords(SidecarStatus s) {
        return switch (s.state()) {
            case NOT_CALLED_YET -> "not called yet";
            case ANSWERING -> "answering";
            case FAILING -> "failing";
            case PAUSED -> "paused after repeated failures";
        };
    }

    private static String ago(Instant at) {
        if (at == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }

    private static void cell(PrintWriter out, String text) {
        out.print("<td>" + escape(text) + "</td>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
