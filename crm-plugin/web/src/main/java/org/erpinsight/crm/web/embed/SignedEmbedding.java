package org.erpinsight.crm.web.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.web.view.Texts;

/**
 * The signature of an embedded tab's URL: HMAC-SHA256, keyed by one of the configured keys (named
 * in the URL, so that keys rotate without downtime), over the tab, the record, the user, the
 * user's permissions and the expiry, one per line in that order. A CRM's web panel computes the
 * same (README shows how). Only reading permissions are honoured in an embedded tab.
 */
final class SignedEmbedding {
    static final int MIN_SECRET = 32;

    /** What a URL asks for, once its signature and expiry check out. */
    record Grant(String tab, String record, String user, String userName, Set<Permission> permissions, Instant expires) {
    }

    /** A refusal with a stable code, for the CRM's developers; its message (text {@code embed.CODE}) in English or the user's language. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final transient Object[] values;

        Refused(String code, Object... values) {
            super(Texts.ENGLISH.get("embed." + code, values), null, false, false);
            this.code = code;
            this.values = values;
        }

        String in(Texts texts) {
            return texts.get("embed." + code, values);
        }
    }

    private final Map<String, byte[]> keys;
    private final long maxValiditySeconds;

    SignedEmbedding(String[] keyEntries, long maxValiditySeconds) {
        this.keys = new LinkedHashMap<>();
        for (String entry : keyEntries == null ? new String[0] : keyEntries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.length() - eq - 1 < MIN_SECRET) {
                throw new IllegalArgumentException("A signing key is KEYID=SECRET with a secret of at least " + MIN_SECRET + " characters");
            }
            keys.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
        }
        this.maxValiditySeconds = maxValiditySeconds;
    }

    boolean enabled() {
        return !keys.isEmpty();
    }

    static String canonical(String tab, String record, String user, String userName, String permissions, String expires) {
        return String.join("\n", tab, record, user, userName, permissions, expires);
    }

    static String sign(byte[] secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }

    Grant verify(Map<String, String> p, Instant now) throws Refused {
        if (!enabled()) {
            throw new Refused("EMBEDDING_DISABLED");
        }
        for (String name : new String[] {"tab", "record", "user", "perms", "exp", "kid", "sig"}) {
            if (p.get(name) == null || p.get(name).isEmpty()) {
                throw new Refused("UNSIGNED", name);
            }
        }
        byte[] secret = keys.get(p.get("kid"));
        if (secret == null) {
            throw new Refused("UNKNOWN_KEY", p.get("kid"));
        }
        String name = p.getOrDefault("name", "");
        String expected = sign(secret, canonical(p.get("tab"), p.get("record"), p.get("user"), name, p.get("perms"), p.get("exp")));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), p.get("sig").getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("BAD_SIGNATURE");
        }
        long exp;
        try {
            exp = Long.parseLong(p.get("exp"));
        } catch (NumberFormatException e) {
            throw new Refused("BAD_EXPIRY");
        }
        if (exp <= now.getEpochSecond()) {
            throw new Refused("EXPIRED", Instant.ofEpochSecond(exp).toString());
        }
        if (exp > now.getEpochSecond() + maxValiditySeconds) {
            throw new Refused("TOO_LONG", maxValiditySeconds);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String perm : p.get("perms").split(",")) {
            if (perm.isBlank() || perm.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                permissions.add(Permission.valueOf(perm.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Refused("BAD_PERMISSION", perm.strip());
            }
        }
        // forms in a tab post back to the OSGi host, which does not know this user: read only
        permissions.retainAll(EnumSet.of(Permission.VIEW_FINANCIALS));
        return new Grant(p.get("tab"), p.get("record"), p.get("user"), name, permissions, Instant.ofEpochSecond(exp));
    }
}
