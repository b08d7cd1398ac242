package org.erpinsight.sidecar.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.erpinsight.sidecar.core.AdapterSettings;
import org.erpinsight.sidecar.core.ErpAdapterFactory;
import org.erpinsight.sidecar.server.security.ApiKeys;
import org.erpinsight.sidecar.server.security.RateLimiter;

/**
 * The sidecar's settings. Each comes from, in this order of precedence: a command-line flag,
 * an environment variable, a properties file ({@code --config} or {@code ERP_SIDECAR_CONFIG}),
 * the default. Settings an adapter reads (e.g. {@code demo.size}, {@code tryton.url}) come the
 * same way: {@code --set key=value}, {@code ERP_SIDECAR_KEY}, or {@code key} in the file.
 */
public record SidecarConfig(String bindAddress, int port, Path dataDirectory, String adapter, ApiKeys apiKeys,
                            RateLimiter.Limit rateLimit, Map<String, RateLimiter.Limit> keyRateLimits, long maxBodyBytes,
                            String logFormat, Tls tls, int cacheSeconds, Map<String, String> adapterSettings) {

    /**
     * HTTPS, when a key store is given; with a trust store, clients must present a certificate it
     * trusts, and such a client is authenticated by its certificate with {@code clientScopes}.
     */
    public record Tls(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword,
                      java.util.Set<org.erpinsight.sidecar.server.security.Scope> clientScopes) {
        public boolean clientCertificates() {
            return trustStore != null;
        }
    }

    public SidecarConfig {
        adapterSettings = Map.copyOf(adapterSettings);
        keyRateLimits = Map.copyOf(keyRateLimits);
    }

    /** One setting of the sidecar itself: its flag, environment variable, file key, default and help text. */
    enum Setting {
        BIND("--bind", "ERP_SIDECAR_BIND", "bind", "127.0.0.1", "address to listen on (0.0.0.0 for all)"),
        PORT("--port", "ERP_SIDECAR_PORT", "port", "8280", "HTTP port; 0 picks a free one"),
        DATA_DIR("--data-dir", "ERP_SIDECAR_DATA_DIR", "data.dir", "sidecar-data", "directory for the adapter's files"),
        ADAPTER("--adapter", "ERP_SIDECAR_ADAPTER", "adapter", "reference", "which ERP to wrap"),
        DEMO_SIZE("--demo-size", "ERP_SIDECAR_DEMO_SIZE", "demo.size", null,
                "reference ERP: demo data for a new database, small (default) or large"),
        API_KEYS("--api-key", "ERP_SIDECAR_API_KEYS", "api.keys", null,
                "API key as NAME:SECRET[:SCOPES], secret at least 16 characters, scopes read, orders, admin joined by '+'"
                        + " (read if left out); repeat the flag, or comma-separate in the variable or file; required"),
        RATE_LIMIT("--rate-limit", "ERP_SIDECAR_RATE_LIMIT", "rate.limit", "200",
                "requests per second per API key (size it: CRM users at once x calls per page); 0 turns the limit off"),
        RATE_BURST("--rate-burst", "ERP_SIDECAR_RATE_BURST", "rate.burst", null,
                "requests a key may send at once before its rate applies [twice the rate]"),
        KEY_RATE_LIMITS("--key-rate-limit", "ERP_SIDECAR_KEY_RATE_LIMITS", "key.rate.limits", null,
                "a key's own limit, NAME=RATE[/BURST] (e.g. crm=400/800, crm-background=20); repeat the flag, or"
                        + " comma-separate in the variable or file"),
        MAX_BODY("--max-body-bytes", "ERP_SIDECAR_MAX_BODY_BYTES", "max.body.bytes", "1048576", "largest request body accepted"),
        LOG_FORMAT("--log-format", "ERP_SIDECAR_LOG_FORMAT", "log.format", "text", "text, or json (one object a line)"),
        CACHE_SECONDS("--cache-seconds", "ERP_SIDECAR_CACHE_SECONDS", "cache.seconds", "0",
                "keep ERP answers this long (for slow ERPs; the sidecar's own writes clear it); 0 = off"),
        TLS_KEYSTORE("--tls-keystore", "ERP_SIDECAR_TLS_KEYSTORE", "tls.keystore", null,
                "PKCS12 key store with the server's key and certificate: serve HTTPS"),
        TLS_KEYSTORE_PASSWORD_FILE("--tls-keystore-password-file", "ERP_SIDECAR_TLS_KEYSTORE_PASSWORD_FILE",
                "tls.keystore.password.file", null, "file whose first line is the key store's password"),
        TLS_TRUSTSTORE("--tls-truststore", "ERP_SIDECAR_TLS_TRUSTSTORE", "tls.truststore", null,
                "PKCS12 trust store: require client certificates it trusts (mutual TLS)"),
        TLS_TRUSTSTORE_PASSWORD_FILE("--tls-truststore-password-file", "ERP_SIDECAR_TLS_TRUSTSTORE_PASSWORD_FILE",
                "tls.truststore.password.file", null, "file whose first line is the trust store's password"),
        CLIENT_CERT_SCOPES("--client-cert-scopes", "ERP_SIDECAR_CLIENT_CERT_SCOPES", "client.cert.scopes", "read",
                "scopes of a client authenticated by its certificate");

        final String flag;
        final String env;
        final String key;
        final String defaultValue;
        final String help;

        Setting(String flag, String env, String key, String defaultValue, String help) {
            this.flag = flag;
            this.env = env;
            this.key = key;
            this.defaultValue = defaultValue;
            this.help = help;
        }
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                ERP sidecar: serves the ERP Insight contract (REST /api/v1, SOAP /soap/erp) in front of an ERP.

                Usage: java -jar sidecar-server-app.jar [options]

                Options (flag, environment variable, key in the --config properties file):
                """);
        for (Setting s : Setting.values()) {
            text.append(String.format("  %-16s %-24s %-10s %s%s%n", s.flag, s.env, s.key, s.help,
                    s.defaultValue == null ? "" : " [" + s.defaultValue + "]"));
        }
        text.append(String.format("  %-16s %-24s %-10s %s%n", "--set KEY=VALUE", "ERP_SIDECAR_<KEY>", "KEY",
                "a setting of the adapter (below)"));
        text.append(String.format("  %-16s %-24s %-10s %s%n", "--config FILE", "ERP_SIDECAR_CONFIG", "", "properties file"));
        text.append(String.format("  %-16s %-24s %-10s %s%n", "--help", "", "", "print this and exit"));
        text.append("\nAdapters and their settings:\n");
        for (ErpAdapterFactory factory : ServiceLoader.load(ErpAdapterFactory.class)) {
            text.append("  ").append(factory.name()).append('\n');
            new TreeMap<>(factory.settings()).forEach((k, v) -> text.append(String.format("    %-22s %s%n", k, v)));
        }
        text.append("""

                Endpoints: /api/v1 (REST, OpenAPI at /api/v1/openapi.json), /soap/erp (SOAP, WSDL at /soap/erp?wsdl),
                /odata/v1 (the OData feed for reporting tools: keys with the report scope, also as HTTP Basic's password),
                /health (UP or DOWN) and /metrics (Prometheus), both public. Every API call needs the header X-API-Key.
                Scopes: read, orders (order entry), admin (create parties), report (the OData feed only).

                Rate limits: each key gets --rate-limit requests a second, --rate-burst at once. Size the CRM's key
                as (CRM users opening pages in the same second) x (calls per page, about 6 cold); give the CRM's
                background work (suggestion runs, imports) a key of its own with a small --key-rate-limit.
                """);
        return text.toString();
    }

    /** Thrown for settings a person must correct; the message says which and how. */
    public static final class InvalidConfig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfig(String message) {
            super(message);
        }
    }

    public static SidecarConfig load(String[] args, Map<String, String> env) {
        Map<Setting, List<String>> flags = new LinkedHashMap<>();
        Map<String, String> setFlags = new LinkedHashMap<>();
        String configFile = env.get("ERP_SIDECAR_CONFIG");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--config")) {
                configFile = value != null ? value : next(args, ++i, arg);
                continue;
            }
            if (arg.equals("--set")) {
                String pair = value != null ? value : next(args, ++i, arg);
                int at = pair.indexOf('=');
                if (at <= 0) {
                    throw new InvalidConfig("--set needs KEY=VALUE, not '" + pair + "'");
                }
                setFlags.put(pair.substring(0, at).strip(), pair.substring(at + 1));
                continue;
            }
            Setting setting = null;
            for (Setting s : Setting.values()) {
                if (s.flag.equals(arg)) {
                    setting = s;
                }
            }
            if (setting == null) {
                throw new InvalidConfig("Unknown option " + arg + " (see --help)");
            }
            flags.computeIfAbsent(setting, s -> new ArrayList<>()).add(value != null ? value : next(args, ++i, arg));
        }
        Properties file = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(configFile))) {
                file.load(reader);
            } catch (IOException e) {
                throw new InvalidConfig("Cannot read config file " + configFile + ": " + e.getMessage());
            }
        }
        Map<Setting, List<String>> values = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            if (flags.containsKey(s)) {
                values.put(s, flags.get(s));
            } else if (env.get(s.env) != null) {
                values.put(s, List.of(env.get(s.env).split(",")));
            } else if (file.getProperty(s.key) != null) {
                values.put(s, List.of(file.getProperty(s.key).split(",")));
            } else if (s.defaultValue != null) {
                values.put(s, List.of(s.defaultValue));
            } else {
                values.put(s, List.of());
            }
        }
        int port;
        try {
            port = Integer.parseInt(single(values, Setting.PORT).strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfig("port must be a number, not '" + single(values, Setting.PORT) + "'");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidConfig("port must be between 0 and 65535");
        }
        String adapter = single(values, Setting.ADAPTER).strip().toLowerCase(Locale.ROOT);
        factory(adapter);
        List<String> keys = values.get(Setting.API_KEYS).stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            throw new InvalidConfig("No API key configured: give --api-key NAME:SECRET or ERP_SIDECAR_API_KEYS");
        }
        ApiKeys apiKeys;
        try {
            apiKeys = ApiKeys.parse(keys);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(e.getMessage());
        }
        double rate = number(values, Setting.RATE_LIMIT, 0, 1_000_000);
        RateLimiter.Limit rateLimit = optional(values, Setting.RATE_BURST) == null ? RateLimiter.Limit.of(rate)
                : new RateLimiter.Limit(rate, number(values, Setting.RATE_BURST, 1, 10_000_000));
        Map<String, RateLimiter.Limit> keyRateLimits = keyRateLimits(values.get(Setting.KEY_RATE_LIMITS), apiKeys);
        long maxBody = (long) number(values, Setting.MAX_BODY, 1024, 100 * 1024 * 1024);
        String logFormat = single(values, Setting.LOG_FORMAT).strip().toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new InvalidConfig("log format must be text or json, not '" + logFormat + "'");
        }
        return new SidecarConfig(single(values, Setting.BIND).strip(), port, Path.of(single(values, Setting.DATA_DIR).strip()),
                adapter, apiKeys, rateLimit, keyRateLimits, maxBody, logFormat, tls(values), (int) number(values, Setting.CACHE_SECONDS, 0, 3600),
                adapterSettings(values, setFlags, env, file));
    }

    /** NAME=RATE[/BURST] entries, each naming a configured key. */
    private static Map<String, RateLimiter.Limit> keyRateLimits(List<String> entries, ApiKeys apiKeys) {
        Map<String, RateLimiter.Limit> limits = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z0-9._-]{1,40})=([0-9]+(?:\\.[0-9]+)?)(?:/([0-9]+))?")
                    .matcher(entry);
            if (!m.matches()) {
                throw new InvalidConfig("A key's rate limit must be NAME=RATE or NAME=RATE/BURST (e.g. crm=400/800), not '" + entry + "'");
            }
            if (!apiKeys.names().contains(m.group(1))) {
                throw new InvalidConfig("The rate limit names the API key '" + m.group(1) + "', which is not configured");
            }
            double rate = Double.parseDouble(m.group(2));
            limits.put(m.group(1), m.group(3) == null ? RateLimiter.Limit.of(rate) : new RateLimiter.Limit(rate, Double.parseDouble(m.group(3))));
        }
        return limits;
    }

    private static Tls tls(Map<Setting, List<String>> values) {
        String keyStore = optional(values, Setting.TLS_KEYSTORE);
        String trustStore = optional(values, Setting.TLS_TRUSTSTORE);
        if (keyStore == null) {
            if (trustStore != null) {
                throw new InvalidConfig("A trust store (client certificates) needs TLS: give --tls-keystore too");
            }
            return null;
        }
        java.util.Set<org.erpinsight.sidecar.server.security.Scope> scopes;
        try {
            scopes = org.erpinsight.sidecar.server.security.Scope.parse(single(values, Setting.CLIENT_CERT_SCOPES));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(e.getMessage());
        }
        return new Tls(readable(keyStore), password(values, Setting.TLS_KEYSTORE_PASSWORD_FILE),
                trustStore == null ? null : readable(trustStore),
                trustStore == null ? null : password(values, Setting.TLS_TRUSTSTORE_PASSWORD_FILE), scopes);
    }

    private static String optional(Map<Setting, List<String>> values, Setting s) {
        List<String> v = values.get(s);
        return v.isEmpty() || v.get(v.size() - 1).isBlank() ? null : v.get(v.size() - 1).strip();
    }

    private static Path readable(String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new InvalidConfig("Cannot read " + file);
        }
        return path;
    }

    /** Passwords come from files, never from flags: a flag shows in the process list. */
    private static char[] password(Map<Setting, List<String>> values, Setting s) {
        String file = optional(values, s);
        if (file == null) {
            throw new InvalidConfig(s.flag + " is required with " + (s == Setting.TLS_KEYSTORE_PASSWORD_FILE ? "--tls-keystore" : "--tls-truststore"));
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return (lines.isEmpty() ? "" : lines.get(0)).toCharArray();
        } catch (IOException e) {
            throw new InvalidConfig("Cannot read the password file " + file + ": " + e.getMessage());
        }
    }

    private static double number(Map<Setting, List<String>> values, Setting s, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(single(values, s).strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfig(s.key + " must be a number, not '" + single(values, s) + "'");
        }
        if (value < min || value > max) {
            throw new InvalidConfig(s.key + " must be between " + (long) min + " and " + (long) max);
        }
        return value;
    }

    /** Every adapter setting: from --set, ERP_SIDECAR_* variables and the file; demo.size also from its own flag. */
    private static Map<String, String> adapterSettings(Map<Setting, List<String>> values, Map<String, String> setFlags,
                                                       Map<String, String> env, Properties file) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            settings.put(key, file.getProperty(key));
        }
        for (ErpAdapterFactory factory : ServiceLoader.load(ErpAdapterFactory.class)) {
            for (String key : factory.settings().keySet()) {
                String fromEnv = env.get(AdapterSettings.environmentName(key));
                if (fromEnv != null) {
                    settings.put(key, fromEnv);
                }
            }
        }
        if (!values.get(Setting.DEMO_SIZE).isEmpty()) {
            settings.put("demo.size", single(values, Setting.DEMO_SIZE));
        }
        settings.putAll(setFlags);
        for (Setting s : Setting.values()) {
            if (s != Setting.DEMO_SIZE) {
                settings.remove(s.key);
            }
        }
        return settings;
    }

    /** The adapter factory of that name, or a config error listing the ones there are. */
    static ErpAdapterFactory factory(String name) {
        List<String> available = new ArrayList<>();
        for (ErpAdapterFactory factory : ServiceLoader.load(ErpAdapterFactory.class)) {
            if (factory.name().equals(name)) {
                return factory;
            }
            available.add(factory.name());
        }
        throw new InvalidConfig("adapter must be one of " + available + ", not '" + name + "'");
    }

    private static String single(Map<Setting, List<String>> values, Setting s) {
        List<String> v = values.get(s);
        return v.get(v.size() - 1);
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new InvalidConfig(flag + " needs a value");
        }
        return args[i];
    }
}
