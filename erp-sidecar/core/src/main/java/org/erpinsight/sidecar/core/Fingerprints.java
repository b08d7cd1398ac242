package org.erpinsight.sidecar.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short digest of a write's content, kept with its idempotency key to tell a retry from a reuse. */
final class Fingerprints {
    private Fingerprints() {
    }

    static String of(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            // the length prefix keeps "ab"+"c" and "a"+"bc" apart
            String text = String.valueOf(part);
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
