package org.erpinsight.crm.web.view;

/** Just enough JSON escaping for the few strings the plugin's servlets answer (messages, numbers, records). */
public final class Json {
    private Json() {
    }

    /** The text as the inside of a JSON string; {@code <} and {@code >} escaped too, so it is safe in HTML as well. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text as a whole JSON string, quotes included; null as the empty string. */
    public static String string(String s) {
        return "\"" + escape(s == null ? "" : s) + "\"";
    }

    /** Sends a JSON answer, never cached: the one way the web bundle's endpoints answer scripts. */
    public static void send(javax.servlet.http.HttpServletResponse response, int status, String json) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
