package org.erpinsight.crm.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Component;

/**
 * Tokens that tie a form post to the signed-in user: an HMAC of the user id under a secret
 * made when the component starts. A forged cross-site post cannot know it.
 */
@Component(service = CsrfTokens.class)
public class CsrfTokens {
    public static final String FIELD = "csrf";
    private final byte[] secret = new byte[32];

    public CsrfTokens() {
        new SecureRandom().nextBytes(secret);
    }

    public String tokenFor(String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean valid(String userId, String token) {
        return token != null && MessageDigest.isEqual(tokenFor(userId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
