package org.erpinsight.sidecar.adapter.tryton;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.erpinsight.sidecar.core.AdapterSettings;

/**
 * Where Tryton is and how to sign in. The password comes from a file or the environment, never
 * from a flag, and {@link #toString()} leaves it out.
 */
public record TrytonSettings(URI url, String database, String user, char[] password, Duration timeout, Integer company,
                             Roles roles, Expenses expenses, Pattern projectNumber, String invoiceReport) {

    /**
     * Who counts as a customer or supplier. Tryton has no such flag; the sidecar reads it from
     * the party's own business (sales and customer invoices; purchases and supplier invoices).
     * Category names, when given, narrow that down to the parties filed under them.
     */
    public record Roles(List<String> customerCategories, List<String> supplierCategories, Duration cacheFor) {
    }

    /** Which purchase lines on a project are travel expenses: by item code or by product category name. */
    public record Expenses(List<String> travelCodes, List<String> travelCategories) {
    }

    /** The project number a user sees: the first word of the project's name when it holds a digit. */
    static final String DEFAULT_PROJECT_NUMBER = "^\\s*(\\S*\\d\\S*)(\\s|$)";

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
        Pattern projectNumber;
        try {
            projectNumber = Pattern.compile(settings.get("tryton.project.number.pattern", DEFAULT_PROJECT_NUMBER));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("tryton.project.number.pattern is not a regular expression: " + e.getDescription());
        }
        if (projectNumber.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("tryton.project.number.pattern needs a group around the number");
        }
        long cacheSeconds;
        try {
            cacheSeconds = Long.parseLong(settings.get("tryton.roles.cache.seconds", "300"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tryton.roles.cache.seconds must be a number");
        }
        return new TrytonSettings(url, settings.required("tryton.database"), settings.get("tryton.user", "admin"),
                password.toCharArray(), Duration.ofSeconds(seconds), company,
                new Roles(names(settings.get("tryton.customer.categories", "")), names(settings.get("tryton.supplier.categories", "")),
                        Duration.ofSeconds(cacheSeconds)),
                new Expenses(names(settings.get("tryton.travel.codes", "TRAVEL")), names(settings.get("tryton.travel.categories", "Travel"))),
                projectNumber, settings.get("tryton.invoice.report", "account.invoice"));
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "TrytonSettings[url=" + url + ", database=" + database + ", user=" + user + ", timeout=" + timeout
                + ", company=" + company + ", roles=" + roles + ", expenses=" + expenses + ", projectNumber=" + projectNumber + ", invoiceReport=" + invoiceReport + "]";
    }
}
