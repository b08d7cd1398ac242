package org.erpinsight.sidecar.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.erpinsight.sidecar.core.AdapterSettings;

/** The settings every adapter that makes invoice documents shares (listed by each adapter's --help). */
public final class DocumentSettings {
    public static final Map<String, String> HELP = Map.of(
            "documents.office", "LibreOffice's soffice, to turn the ERP's own documents into PDF [found in the usual places]",
            "documents.office.timeout.seconds", "longest wait for one conversion [60]",
            "documents.fonts", "TrueType fonts (comma-separated files) for characters DejaVu Sans lacks, e.g. a CJK font");

    private DocumentSettings() {
    }

    public static InvoicePdf renderer(AdapterSettings settings) {
        return new InvoicePdf(Arrays.stream(settings.get("documents.fonts", "").split(",")).map(String::strip)
                .filter(f -> !f.isEmpty()).map(Path::of).toList());
    }

    public static Optional<OfficeConverter> office(AdapterSettings settings) {
        long seconds;
        try {
            seconds = Long.parseLong(settings.get("documents.office.timeout.seconds", "60"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("documents.office.timeout.seconds must be a number");
        }
        return OfficeConverter.find(settings.get("documents.office", null), settings.dataDirectory(), Duration.ofSeconds(seconds));
    }
}
