package org.erpinsight.crm.web.view;

/** HTML escaping: ERP and CRM data are untrusted and always pass through here before rendering. */
public final class Html {
    private Html() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        int first = 0;
        while (first < s.length() && "<>&\"'".indexOf(s.charAt(first)) < 0) {
            first++;
        }
        if (first == s.length()) {
            // most values need nothing: no copy (a page escapes hundreds of them)
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
