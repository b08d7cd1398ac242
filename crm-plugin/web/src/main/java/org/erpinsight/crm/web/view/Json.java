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
}
