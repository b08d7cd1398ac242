package org.erpinsight.crm.web.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import gg.jte.Content;

/**
 * The plugin's own pages (order entry, invoice lists, link results): one look ({@code layout/page.jte}),
 * never cached, and a way back to the record the user came from.
 */
public final class Page {
    private Page() {
    }

    /** Writes a whole page in the user's language, with the way back to a local {@code returnTo} (else the start page). */
    public static void write(HttpServletResponse response, int status, Texts texts, String title, Content body, String returnTo)
            throws IOException {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("t", texts);
        parameters.put("title", title);
        parameters.put("body", body);
        parameters.put("back", ReturnPath.safe(returnTo));
        send(response, status, Views.render("layout/page.jte", parameters));
    }

    /** A page whose body is one message: a refusal or a failure, with its status in data-error. */
    public static void message(HttpServletResponse response, int status, Texts texts, String title, String level, String message,
                               String returnTo) throws IOException {
        write(response, status, texts, title, Views.content("view/message.jte", Map.of("level", level, "message", message,
                "status", status)), returnTo);
    }

    /** Sends HTML made elsewhere with the headers every page of the plugin carries. */
    public static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
