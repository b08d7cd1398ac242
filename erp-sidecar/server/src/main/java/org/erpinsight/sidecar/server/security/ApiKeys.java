package org.erpinsight.sidecar.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** An authenticated caller: the key's name and what it may do. */
    public record ApiKey(String name, Set<Scope> scopes) {
        public ApiKey {
            scopes = Set.copyOf(scopes);
        }

        public boolean may(Scope scope) {
            return scopes.contains(scope);
        }
    }

    private record Entry(ApiKey key, byte[] digest) {
    }

    private final List<Entry> keys;

    private ApiKeys(List<Entry> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses {@code NAME:SECRET[:SCOPES]} entries, scopes as {@code read+orders+admin} (read
     * when left out); the message of the exception never contains a secret.
     */
    public static ApiKeys parse(List<String> entries) {
        List<Entry> keys = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("An API key must be NAME:SECRET[:SCOPES] (entry " + (keys.size() + 1) + ")");
            }
            String name = entry.substring(0, colon);
            String rest = entry.substring(colon + 1);
            int scopeColon = rest.lastIndexOf(':');
            String secret = scopeColon < 0 ? rest : rest.substring(0, scopeColon);
            Set<Scope> scopes = Scope.parse(scopeColon < 0 ? null : rest.substring(scopeColon + 1));
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("API key name '" + name + "' may only use letters, digits, '.', '_', '-'");
            }
            if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.chars().anyMatch(Character::isWhitespace)
                    || secret.indexOf(':') >= 0) {
                throw new IllegalArgumentException("The secret of API key '" + name + "' must be " + MIN_SECRET + " to "
                        + MAX_SECRET + " characters without spaces or ':'");
            }
            if (keys.stream().anyMatch(k -> k.key().name().equals(name))) {
                throw new IllegalArgumentException("API key name '" + name + "' is given twice");
            }
            keys.add(new Entry(new ApiKey(name, scopes), digest(secret)));
        }
        return new ApiKeys(keys);
    }

    /** The key whose secret was presented, if any. */
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_SECRET) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        ApiKey match = null;
        for (Entry entry : keys) {
            // no early exit: every key is compared whatever matched before
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The keys' names, for settings that name a key. */
    public Set<String> names() {
        return keys.stream().map(e -> e.key().name()).collect(java.util.stream.Collectors.toUnmodifiableSet());
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
