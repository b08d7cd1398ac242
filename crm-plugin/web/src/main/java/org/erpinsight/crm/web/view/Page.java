package org.erpinsight.crm.web.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

/**
 * The skeleton of the plugin's own pages (order entry, invoice lists): one look, never cached,
 * and a way back to the record the user came from.
 */
public final class Page {
    private Page() {
    }

    /** Writes a whole page; {@code body} is HTML already escaped where it holds data. */
    public static void write(HttpServletResponse response, int status, String title, String body, String returnTo) throws IOException {
        write(response, status, title, body, returnTo, Texts.ENGLISH);
    }

    /** The same, in the user's language. */
    public static void write(HttpServletResponse response, int status, String title, String body, String returnTo, Texts texts)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String html = "<!DOCTYPE html><html lang=\"" + texts.locale().getLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{padding:.2em .9em .2em 0;text-align:left}td.erp-amount,th.erp-amount{text-align:right}"
                + ".erp-banner-warning{background:#fff4d6;padding:.5em 1em}.erp-banner-error{background:#fde2e1;padding:.5em 1em}"
                + ".erp-error{color:#a40000}tr.erp-overdue td{color:#a40000;font-weight:600}nav a,nav b{margin-right:1em}"
                + "</style></head><body>" + body + "<p><a href=\"" + Html.escape(ReturnPath.safe(returnTo))
                + "\">" + Html.escape(texts.get("page.back")) + "</a></p></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
