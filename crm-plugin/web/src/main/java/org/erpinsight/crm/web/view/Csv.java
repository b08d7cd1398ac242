package org.erpinsight.crm.web.view;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import javax.servlet.http.HttpServletResponse;

/** CSV for spreadsheets and BI tools: RFC 4180, UTF-8 with a byte order mark so that Excel reads æ, ø and å. */
public final class Csv {
    private Csv() {
    }

    /** Starts a CSV download and writes its header row; the writer takes the rows. */
    public static Writer start(HttpServletResponse response, String fileName, List<String> columns) throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8;header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        out.write('\uFEFF');
        row(out, columns);
        return out;
    }

    /** One record: every field quoted, quotes doubled, CRLF at the end. */
    public static void row(Writer out, List<String> fields) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            line.append(i == 0 ? "\"" : ",\"").append((f == null ? "" : f).replace("\"", "\"\"")).append('"');
        }
        out.write(line.append("\r\n").toString());
    }

    /**
     * Free text (a CRM name, a reason) that begins like a spreadsheet formula (=, +, -, @) gets a leading
     * apostrophe, so that Excel shows it as text and never runs it. Numbers and keys are left as they are: they join.
     */
    public static String asText(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
