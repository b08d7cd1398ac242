package org.erpinsight.crm.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The pieces every insight tab is built from, escaped here once: banners, notes, labelled
 * figures whose exact amount stays in a data attribute for tests and scripts, the "as of"
 * line, the age of last known figures, and a bar for shares such as a budget used.
 */
public final class Blocks {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Blocks() {
    }

    /** A banner of level {@code warning} or {@code error}. */
    public static String banner(String level, String message) {
        return "<div class=\"erp-banner erp-banner-" + Html.escape(level) + "\" role=\"alert\">" + Html.escape(message) + "</div>";
    }

    public static String note(String message) {
        return "<p class=\"erp-note\">" + Html.escape(message) + "</p>";
    }

    /**
     * One figure in a {@code <dl class="erp-figures">}: label, amount with currency (written as the
     * user's language does), an optional note.
     */
    public static void figure(StringBuilder html, Texts texts, String id, String label, BigDecimal amount, String currency, String note) {
        html.append("<div><dt>").append(Html.escape(label)).append("</dt><dd data-figure=\"").append(Html.escape(id))
                .append("\" data-amount=\"").append(amount == null ? "" : Html.escape(amount.toPlainString())).append("\">")
                .append(Html.escape(texts.amount(amount, currency)));
        if (note != null) {
            html.append(" <small>").append(Html.escape(note)).append("</small>");
        }
        html.append("</dd></div>");
    }

    /** {@link #figure(StringBuilder, Texts, String, String, BigDecimal, String, String)} in English. */
    public static void figure(StringBuilder html, String id, String label, BigDecimal amount, String currency, String note) {
        figure(html, Texts.ENGLISH, id, label, amount, currency, note);
    }

    /** A figure that is a count or a quantity rather than an amount. */
    public static void count(StringBuilder html, String id, String label, Object value) {
        html.append("<div><dt>").append(Html.escape(label)).append("</dt><dd data-figure=\"").append(Html.escape(id))
                .append("\" data-value=\"").append(Html.escape(value)).append("\">").append(Html.escape(value)).append("</dd></div>");
    }

    /** "figures as of ..." with the machine-readable time. */
    /** "figures as of …" in the user's language. */
    public static String asOf(Texts texts, Instant asOf) {
        return asOf == null ? "" : Html.escape(texts.get("figures.asOf")) + " <time data-figure=\"asOf\" datetime=\"" + Html.escape(asOf)
                + "\">" + Html.escape(texts.dateTime(asOf)) + "</time>";
    }

    /** The stale banner in the user's language. */
    public static String staleStart(Texts texts, org.erpinsight.crm.api.ErpReading<?> reading) {
        return !reading.stale() ? "" : banner("error", texts.get("erp.unreachable", reading.problem()) + " "
                + texts.get("erp.stale", age(reading.readAt()))) + "<div class=\"erp-stale\" data-stale=\"true\">";
    }

    public static String asOf(Instant asOf) {
        return asOf == null ? "" : "figures as of <time data-figure=\"asOf\" datetime=\"" + Html.escape(asOf) + "\">"
                + Html.escape(AS_OF.format(asOf)) + "</time>";
    }

    /** Opens the last known figures of a reading the ERP could not renew: the banner with their age, then their frame. */
    public static String staleStart(org.erpinsight.crm.api.ErpReading<?> reading) {
        return !reading.stale() ? "" : banner("error", "ERP unreachable: " + reading.problem() + " Showing the last known figures, read "
                + age(reading.readAt()) + " ago.") + "<div class=\"erp-stale\" data-stale=\"true\">";
    }

    /** Closes what {@link #staleStart} opened. */
    public static String staleEnd(org.erpinsight.crm.api.ErpReading<?> reading) {
        return reading.stale() ? "</div>" : "";
    }

    /** How long ago, for last known figures: "40 s", "12 min", "3 h 5 min". */
    public static String age(Instant readAt) {
        Duration age = Duration.between(readAt, Instant.now());
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min";
        }
        return age.toHours() + " h " + age.toMinutesPart() + " min";
    }

    /**
     * A horizontal bar for a share in percent (a budget used, say); over 100 it is drawn full
     * and marked. Plain HTML and CSS: no script, and readable without styles as its text.
     */
    public static String bar(String id, BigDecimal percent, String label) {
        if (percent == null) {
            return "<span class=\"erp-bar-none\" data-figure=\"" + Html.escape(id) + "\" data-percent=\"\">no budget</span>";
        }
        BigDecimal shown = percent.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP);
        boolean over = percent.compareTo(BigDecimal.valueOf(100)) > 0;
        return "<span class=\"erp-bar" + (over ? " erp-bar-over" : "") + "\" role=\"img\" aria-label=\"" + Html.escape(label) + " "
                + Html.escape(percent.toPlainString()) + "%\" data-figure=\"" + Html.escape(id) + "\" data-percent=\""
                + Html.escape(percent.toPlainString()) + "\"><span style=\"width:" + shown + "%\"></span></span> "
                + Html.escape(percent.toPlainString()) + "%";
    }

    /** The styles of the pieces above, for a tab to include once. */
    public static final String STYLE = "<style>.erp-bar{display:inline-block;width:8em;height:.8em;background:#e3e8ef;"
            + "vertical-align:middle;border-radius:2px;overflow:hidden}.erp-bar>span{display:block;height:100%;background:#3b6ea5}"
            + ".erp-bar-over>span{background:#a40000}.erp-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));"
            + "gap:.4em 1.5em}.erp-figures dt{font-size:.85em;color:#555}.erp-figures dd{margin:0;font-weight:600}"
            + ".erp-table{border-collapse:collapse}.erp-table th,.erp-table td{padding:.2em .9em .2em 0;text-align:left}"
            + ".erp-table td.erp-amount,.erp-table th.erp-amount{text-align:right}</style>";
}
