package org.erpinsight.sidecar.documents;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Turns an ERP's own document (OpenDocument, Word, ...) into PDF with LibreOffice in headless
 * mode, as the ERP would print it. One conversion at a time, in a LibreOffice profile of its
 * own (a second LibreOffice on the same profile would wait for the first), within a deadline.
 */
public final class OfficeConverter {
    private static final Logger LOG = Logger.getLogger(OfficeConverter.class.getName());
    private static final List<String> KNOWN_PLACES = List.of("/usr/bin/soffice", "/usr/bin/libreoffice",
            "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    private final Path office;
    private final Path profile;
    private final Duration timeout;

    private OfficeConverter(Path office, Path profile, Duration timeout) {
        this.office = office;
        this.profile = profile;
        this.timeout = timeout;
    }

    /**
     * LibreOffice at the configured path, else where it is usually installed; empty when there is
     * none (the caller then renders the document itself, or says why it cannot).
     */
    public static Optional<OfficeConverter> find(String configured, Path workDirectory, Duration timeout) {
        Stream<String> candidates = configured != null && !configured.isBlank() ? Stream.of(configured) : KNOWN_PLACES.stream();
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst()
                .map(office -> new OfficeConverter(office, workDirectory.resolve("libreoffice-profile"), timeout));
    }

    public Path office() {
        return office;
    }

    /** The document as PDF; {@code extension} is the document's own (odt, docx, ...). */
    public synchronized byte[] toPdf(byte[] document, String extension) throws IOException {
        if (!extension.matches("[a-z0-9]{1,8}")) {
            throw new IOException("Not a document extension: " + extension);
        }
        Path work = Files.createTempDirectory("erp-document");
        try {
            Path source = work.resolve("document." + extension);
            Files.write(source, document);
            Files.createDirectories(profile);
            ProcessBuilder builder = new ProcessBuilder(office.toString(), "--headless", "--norestore", "--nologo",
                    "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", work.toString(), source.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("office.log").toFile());
            builder.environment().put("HOME", profile.toString());
            Process process = builder.start();
            boolean done;
            try {
                done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("Interrupted while LibreOffice converted the document");
            }
            if (!done) {
                // soffice is a launcher: stop what it started too
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("LibreOffice did not convert the document within " + timeout.toSeconds() + " s");
            }
            Path pdf = work.resolve("document.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(pdf)) {
                String log = Files.readString(work.resolve("office.log"));
                LOG.warning("LibreOffice could not convert a document (exit " + process.exitValue() + "): " + log.strip());
                throw new IOException("LibreOffice could not convert the document to PDF");
            }
            return Files.readAllBytes(pdf);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
