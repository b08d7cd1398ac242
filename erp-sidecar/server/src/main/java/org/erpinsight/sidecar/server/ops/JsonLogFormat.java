package org.erpinsight.sidecar.server.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object a line, for log collectors: time, level, logger, message and, if any, the error. */
public final class JsonLogFormat extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder("{\"time\":\"").append(Instant.ofEpochMilli(record.getMillis()))
                .append("\",\"level\":\"").append(record.getLevel().getName())
                .append("\",\"logger\":\"").append(escape(record.getLoggerName()))
                .append("\",\"message\":\"").append(escape(formatMessage(record))).append('"');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            json.append(",\"error\":\"").append(escape(trace.toString())).append('"');
        }
        return json.append("}\n").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
