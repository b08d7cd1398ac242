package org.erpinsight.crm.reference.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.osgi.service.component.annotations.Component;

/**
 * The reference host's contact directory: companies, contacts and projects read from a bundled
 * file. Part of them match the sidecar's demo ERP by name, VAT number or email domain. With the
 * launch property {@code erpinsight.sample.size=large} (the sidecar on its large data set) it
 * also holds a customer base: a company linked to each further ERP customer and a contact at
 * each, generated the same way every time (see {@link CustomerBase}).
 */
@Component(service = {RecordDirectory.class, SampleDirectory.class})
public class SampleDirectory implements RecordDirectory {
    /** The launch property that asks for the customer base. */
    static final String SIZE = "erpinsight.sample.size";

    /** A sample record and the ERP customer, supplier and project it is linked to out of the box, if any. */
    record Sample(CrmRecord record, String presetCustomerNumber, String presetSupplierNumber, String presetProjectNumber) {
    }

    private final Map<RecordRef, Sample> samples = new LinkedHashMap<>();
    /** The customer base's records (empty unless asked for), apart from the bundled samples. */
    private final List<Sample> customerBase;

    @org.osgi.service.component.annotations.Activate
    public SampleDirectory(org.osgi.framework.BundleContext context) {
        this("large".equalsIgnoreCase(String.valueOf(context.getProperty(SIZE)).strip()));
    }

    SampleDirectory(boolean customerBase) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SampleDirectory.class.getResourceAsStream("sample-records.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                RecordRef ref = new RecordRef(RecordType.fromId(f[0]), f[1]);
                samples.put(ref, new Sample(new CrmRecord(ref, f[2], blankToNull(f[3]), blankToNull(f[4]),
                        blankToNull(f[5]), blankToNull(f[6]), blankToNull(f[7])), blankToNull(f[8]),
                        f.length > 9 ? blankToNull(f[9]) : null, f.length > 10 ? blankToNull(f[10]) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.customerBase = customerBase ? CustomerBase.samples() : List.of();
        for (Sample sample : this.customerBase) {
            samples.put(sample.record().ref(), sample);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The bundled samples, the customer base left out. */
    List<Sample> samples() {
        return samples.values().stream().limit(samples.size() - customerBase.size()).toList();
    }

    List<Sample> customerBase() {
        return customerBase;
    }

    @Override
    public Optional<CrmRecord> record(RecordRef ref) {
        return Optional.ofNullable(samples.get(ref)).map(Sample::record);
    }

    @Override
    public List<CrmRecord> search(RecordType type, String text, int limit) {
        String needle = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return samples.values().stream().map(Sample::record)
                .filter(r -> r.ref().type() == type && r.name().toLowerCase(Locale.ROOT).contains(needle))
                .limit(Math.max(0, limit)).toList();
    }

    @Override
    public List<CrmRecord> page(RecordType type, int offset, int limit) {
        List<CrmRecord> all = new ArrayList<>();
        samples.values().stream().map(Sample::record).filter(r -> r.ref().type() == type).forEach(all::add);
        return all.subList(Math.min(Math.max(0, offset), all.size()), Math.min(Math.max(0, offset) + Math.max(0, limit), all.size()));
    }
}
