package org.erpinsight.crm.web.embed;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.erpinsight.crm.api.host.Permission;
import org.junit.Test;

/** Every refusal of an embedded tab's URL, and key rotation. */
public class SignedEmbeddingTest {
    private static final String OLD = "k1=" + "a".repeat(40);
    private static final String NEW = "k2=" + "b".repeat(40);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static Map<String, String> signed(String keyEntry, String perms, long exp) {
        String kid = keyEntry.substring(0, keyEntry.indexOf('='));
        byte[] secret = keyEntry.substring(keyEntry.indexOf('=') + 1).getBytes(StandardCharsets.UTF_8);
        Map<String, String> p = new HashMap<>(Map.of("tab", "financial-overview", "record", "company/c-1001", "user", "u-42",
                "name", "Ada", "perms", perms, "exp", Long.toString(exp), "kid", kid));
        p.put("sig", SignedEmbedding.sign(secret, SignedEmbedding.canonical(p.get("tab"), p.get("record"), p.get("user"), p.get("name"),
                p.get("perms"), p.get("exp"))));
        return p;
    }

    private static String refusal(SignedEmbedding signing, Map<String, String> p) {
        return assertThrows(SignedEmbedding.Refused.class, () -> signing.verify(p, NOW)).code;
    }

    @Test
    public void aSignedUrlGrantsReadingOnly() throws Exception {
        SignedEmbedding signing = new SignedEmbedding(new String[] {OLD}, 900);
        SignedEmbedding.Grant grant = signing.verify(signed(OLD, "VIEW_FINANCIALS,MANAGE_LINKS,ENTER_ORDERS", NOW.getEpochSecond() + 300), NOW);
        assertEquals("u-42", grant.user());
        assertEquals("company/c-1001", grant.record());
        assertEquals("forms post to the OSGi host, which does not know this user", Set.of(Permission.VIEW_FINANCIALS), grant.permissions());
    }

    @Test
    public void everyChangeToASignedUrlIsRefused() {
        SignedEmbedding signing = new SignedEmbedding(new String[] {OLD}, 900);
        for (String field : new String[] {"tab", "record", "user", "name", "perms", "exp"}) {
            Map<String, String> p = signed(OLD, "VIEW_FINANCIALS", NOW.getEpochSecond() + 300);
            p.put(field, field.equals("exp") ? Long.toString(NOW.getEpochSecond() + 301) : p.get(field) + "x");
            assertEquals(field, "BAD_SIGNATURE", refusal(signing, p));
        }
        Map<String, String> p = signed(OLD, "VIEW_FINANCIALS", NOW.getEpochSecond() + 300);
        p.remove("sig");
        assertEquals("UNSIGNED", refusal(signing, p));
    }

    @Test
    public void expiredAndOverLongUrlsAreRefused() {
        SignedEmbedding signing = new SignedEmbedding(new String[] {OLD}, 900);
        assertEquals("EXPIRED", refusal(signing, signed(OLD, "VIEW_FINANCIALS", NOW.getEpochSecond())));
        assertEquals("TOO_LONG", refusal(signing, signed(OLD, "VIEW_FINANCIALS", NOW.getEpochSecond() + 901)));
    }

    @Test
    public void keysRotateWithoutDowntime() throws Exception {
        long exp = NOW.getEpochSecond() + 60;
        SignedEmbedding both = new SignedEmbedding(new String[] {NEW, OLD}, 900);
        both.verify(signed(OLD, "VIEW_FINANCIALS", exp), NOW);
        both.verify(signed(NEW, "VIEW_FINANCIALS", exp), NOW);
        SignedEmbedding rotated = new SignedEmbedding(new String[] {NEW}, 900);
        assertEquals("UNKNOWN_KEY", refusal(rotated, signed(OLD, "VIEW_FINANCIALS", exp)));
        // a URL signed with another secret under a known key id
        assertEquals("BAD_SIGNATURE", refusal(rotated, signed("k2=" + "c".repeat(40), "VIEW_FINANCIALS", exp)));
    }

    @Test
    public void noKeyNoEmbeddingAndWeakKeysAreRefusedWhenConfigured() {
        assertEquals("EMBEDDING_DISABLED", refusal(new SignedEmbedding(new String[0], 900), signed(OLD, "VIEW_FINANCIALS", NOW.getEpochSecond() + 60)));
        assertThrows(IllegalArgumentException.class, () -> new SignedEmbedding(new String[] {"k=short"}, 900));
        assertEquals("BAD_PERMISSION", refusal(new SignedEmbedding(new String[] {OLD}, 900), signed(OLD, "ROOT", NOW.getEpochSecond() + 60)));
    }
}
