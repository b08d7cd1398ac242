package org.erpinsight.sidecar.adapter.tryton;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.erpinsight.sidecar.core.AdapterSettings;

/**
 * Where Tryton is and how to sign in. The password comes from a file or the environment, never
 * from a flag, and {@link #toString()} leaves it out.
 */
public record TrytonSettings(URI url, String database, String user, char[] password, Duration timeout, Integer company) {

    static TrytonSettings from(AdapterSettings settings) {
        URI url;
        try {
            url = URI.create(settings.required("tryton.url").replaceAll("/+$", "") + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tryton.url is not a URL: " + e.getMessage());
        }
        String password = settings.get("tryton.password", null);
        String passwordFile = settings.get("tryton.password.file", null);
        if (password == null && passwordFile != null) {
            try {
                password = Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read tryton.password.file " + passwordFile + ": " + e.getMessage());
            }
        }
        if (password == null) {
            throw new IllegalArgumentException("Give tryton.password.file (or the variable " + AdapterSettings.environmentName("tryton.password") + ")");
        }
        long seconds;
        try {
            seconds = Long.parseLong(settings.get("tryton.timeout.seconds", "10"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tryton.timeout.seconds must be a number");
        }
        Integer company = null;
        String companyText = settings.get("tryton.company", null);
        if (companyText != null) {
            try {
                company = Integer.valueOf(companyText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tryton.company must be the company's id in Tryton");
            }
        }
        return new TrytonSettings(url, settings.required("tryton.database"), settings.get("tryton.user", "admin"),
                password.toCharArray(), Duration.ofSeconds(seconds), company);
    }

    @Override
    public String toString() {
        return "TrytonSettings[url=" + url + ", database=" + database + ", user=" + user + ", timeout=" + timeout
                + ", company=" + company + "]";
    }
}
