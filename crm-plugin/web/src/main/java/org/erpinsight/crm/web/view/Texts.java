package org.erpinsight.crm.web.view;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ERP Insight's words and formats in the user's language: English, or Danish for a Danish locale.
 * The words live in one file per language ({@code texts.properties}, {@code texts_da.properties});
 * a key missing from Danish falls back to English, and a key missing everywhere shows as itself,
 * so a slip is visible rather than an error.
 */
public final class Texts {
    private static final String BUNDLE = "org.erpinsight.crm.web.texts";
    private static final Map<String, Texts> BY_LANGUAGE = new ConcurrentHashMap<>();
    public static final Texts ENGLISH = of(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle words;
    private final DateTimeFormatter dateTime;

    private Texts(Locale locale) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC);
    }

    /** The texts for a locale: Danish for Danish, English for anything else. */
    public static Texts of(Locale locale) {
        String language = locale != null && "da".equals(locale.getLanguage()) ? "da" : "en";
        return BY_LANGUAGE.computeIfAbsent(language, l -> new Texts(l.equals("da") ? Locale.forLanguageTag("da-DK") : Locale.ENGLISH));
    }

    public Locale locale() {
        return locale;
    }

    public boolean danish() {
        return "da".equals(locale.getLanguage());
    }

    /** The words for a key, with values filled in. */
    public String get(String key, Object... values) {
        String pattern;
        try {
            pattern = words.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (values.length == 0 && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            // what MessageFormat would give back unchanged: most labels, asked for many times per page
            return pattern;
        }
        // an apostrophe is written '' in every text, with values or without
        return new MessageFormat(pattern, locale).format(values);
    }

    /** An amount with its currency: 1,234.50 DKK in English, 1.234,50 DKK in Danish. */
    /**
     * Why there are no ERP figures to show: "busy" for a sidecar at its rate limit (it is up, and
     * the figures come back in a moment), "unreachable" with the reason for anything else.
     */
    public String erpProblem(org.erpinsight.crm.api.ErpGatewayException e) {
        return e.code() == org.erpinsight.crm.api.ErpErrorCode.SIDECAR_BUSY ? get("erp.busyNow") : get("erp.unreachable", e.getMessage());
    }

    public String amount(java.math.BigDecimal amount, String currency) {
        return Amounts.format(amount, currency, locale);
    }

    /** A day: 2026-11-26 in English (as the ERP and the contract write it), 26.11.2026 in Danish. */
    public String date(java.time.LocalDate day) {
        return day == null ? "–" : danish() ? DANISH_DATE.format(day) : day.toString();
    }

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A unit price with two to four decimals, as {@link Amounts#price} but in the user's language. */
    public String price(java.math.BigDecimal price, String currency) {
        return Amounts.price(price, currency, locale);
    }

    /** A quantity or a percentage as the language writes it, without trailing zeros: 2.5 in English, 2,5 in Danish. */
    public String number(java.math.BigDecimal value) {
        if (value == null) {
            return "–";
        }
        String plain = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        return danish() ? plain.replace('.', ',') : plain;
    }

    /** A moment, in UTC, as the language writes it. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " UTC";
    }
}
