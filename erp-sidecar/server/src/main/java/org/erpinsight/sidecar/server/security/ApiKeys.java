package org.erpinsight.sidecar.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys. Only SHA-256 digests of the secrets are kept, and a presented key
 * is compared with every configured one in constant time, so neither timing nor a heap dump
 * gives a secret away. Keys are identified in logs by name only.
 */
public final class ApiKeys {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 200;

    private record Key(String name, byte[] digest) {
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Parses {@code NAME:SECRET} entries; the message of the exception never contains a secret. */
    public static ApiKeys parse(List<String> entries) {
        List<Key> keys = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("An API key must be NAME:SECRET (entry " + (keys.size() + 1) + ")");
            }
            String name = entry.substring(0, colon);
            String secret = entry.substring(colon + 1);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("API key name '" + name + "' may only use letters, digits, '.', '_', '-'");
            }
            if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("The secret of API key '" + name + "' must be " + MIN_SECRET + " to "
                        + MAX_SECRET + " characters without spaces");
            }
            if (keys.stream().anyMatch(k -> k.name().equals(name))) {
                throw new IllegalArgumentException("API key name '" + name + "' is given twice");
            }
            keys.add(new Key(name, digest(secret)));
        }
        return new ApiKeys(keys);
    }

    /** The name of the key whose secret was presented, if any. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_SECRET) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String match = null;
        for (Key key : keys) {
            // no early exit: every key is compared whatever matched before
            if (MessageDigest.isEqual(key.digest(), digest)) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return keys.size();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
