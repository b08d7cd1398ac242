package org.erpinsight.crm.web.linkmanager;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkEdit;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.api.links.StaleLinkException;

/**
 * Importing links another system already knows, from CSV (Apache Commons CSV reads it: quoted fields,
 * commas and line breaks in names, a byte order mark). The columns are the export's: RecordType,
 * RecordId, Kind, ErpNumber, and optionally Source; others are ignored, so an export can be edited and
 * imported again. Every row is checked — malformed, unknown record, ERP number unknown to the ERP,
 * conflict with a link that exists, twice in the file — and reported. A dry run changes nothing; an
 * import makes the links of the rows that pass, each in one transaction with the audit entry (origin
 * IMPORT), and a link made by someone else meanwhile refuses its row rather than being overwritten.
 */
final class LinkImport {
    static final int MAX_ROWS = 100_000;
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,31}");
    private static final int PAGE = 500;

    /** What happened to one row. */
    record Row(long line, String record, String source, String kind, String erpNumber, String outcome, String code, String message) {
    }

    /** The whole report: counts and every row. */
    record Report(boolean dryRun, int rows, int linked, int unchanged, int refused, List<Row> report) {
    }

    private final LinkService links;
    private final RecordDirectory records;
    private final ErpGateway gateway;
    private final String defaultSource;

    LinkImport(LinkService links, RecordDirectory records, ErpGateway gateway, String defaultSource) {
        this.links = links;
        this.records = records;
        // an import checks many numbers: it waits behind page views
        this.gateway = gateway.background();
        this.defaultSource = defaultSource;
    }

    /** A row refused, with its stable code. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** A parsed row: what it asks for. */
    private record Wanted(long line, RecordRef record, String source, LinkKind kind, String erpNumber) {
    }

    Report run(Reader csv, boolean dryRun, String actor) throws IOException {
        List<Row> report = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        Set<String> seenRecords = new HashSet<>();
        Set<String> seenNumbers = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                .setAllowMissingColumnNames(true).build();
        try (CSVParser parser = new CSVParser(skipByteOrderMark(csv), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : List.of("RecordType", "RecordId", "Kind", "ErpNumber")) {
                if (!header.containsKey(column)) {
                    throw new IllegalArgumentException("The CSV needs the columns RecordType, RecordId, Kind and ErpNumber (Source may be"
                            + " added); it has " + header.keySet());
                }
            }
            for (CSVRecord row : parser) {
                if (wanted.size() + report.size() >= MAX_ROWS) {
                    throw new IllegalArgumentException("At most " + MAX_ROWS + " rows a file");
                }
                long line = row.getRecordNumber() + 1;
                try {
                    Wanted w = parse(row, header, line);
                    if (!seenRecords.add(w.record() + "|" + w.source() + "|" + w.kind())) {
                        throw new Refused("DUPLICATE_IN_FILE", w.record() + " has another " + w.kind() + " row above");
                    }
                    if (!seenNumbers.add(w.source() + "|" + w.kind() + "|" + w.erpNumber())) {
                        throw new Refused("DUPLICATE_IN_FILE", w.kind() + " " + w.erpNumber() + " is in another row above");
                    }
                    wanted.add(w);
                } catch (Refused r) {
                    report.add(new Row(line, value(row, header, "RecordType") + "/" + value(row, header, "RecordId"),
                            value(row, header, "Source"), value(row, header, "Kind"), value(row, header, "ErpNumber"), "REFUSED", r.code,
                            r.getMessage()));
                }
            }
        }
        Map<String, Set<String>> known = new HashMap<>();
        int linked = 0;
        int unchanged = 0;
        for (Wanted w : wanted) {
            String record = w.record().toString();
            try {
                if (records.record(w.record()).isEmpty()) {
                    throw new Refused("UNKNOWN_RECORD", "The CRM has no record " + record);
                }
                java.util.Optional<Link> existing = links.linkOf(w.record(), w.source(), w.kind());
                if (existing.isPresent() && existing.get().erpNumber().equals(w.erpNumber())) {
                    unchanged++;
                    report.add(new Row(w.line(), record, w.source(), w.kind().name(), w.erpNumber(), "UNCHANGED", null, "Linked so already"));
                    continue;
                }
                if (existing.isPresent()) {
                    throw new Refused("CONFLICT", record + " is linked to " + w.kind().name().toLowerCase(Locale.ROOT) + " "
                            + existing.get().erpNumber() + "; unlink it first to link it to " + w.erpNumber());
                }
                java.util.Optional<Link> holder = links.linkTo(w.source(), w.kind(), w.erpNumber());
                if (holder.isPresent()) {
                    throw new Refused("CONFLICT", w.kind().name().toLowerCase(Locale.ROOT) + " " + w.erpNumber() + " is linked to "
                            + holder.get().record());
                }
                if (!knownInErp(w, known)) {
                    throw new Refused("UNKNOWN_ERP_NUMBER", "The ERP (" + w.source() + ") has no " + w.kind().name().toLowerCase(Locale.ROOT)
                            + " " + w.erpNumber());
                }
                if (!dryRun) {
                    links.link(w.record(), w.source(), w.kind(), w.erpNumber(), new LinkEdit(actor, "imported from CSV, row " + w.line(),
                            LinkOrigin.IMPORT, 0L));
                }
                linked++;
                report.add(new Row(w.line(), record, w.source(), w.kind().name(), w.erpNumber(), dryRun ? "WOULD_LINK" : "LINKED", null, null));
            } catch (Refused r) {
                report.add(new Row(w.line(), record, w.source(), w.kind().name(), w.erpNumber(), "REFUSED", r.code, r.getMessage()));
            } catch (StaleLinkException | LinkConflictException e) {
                report.add(new Row(w.line(), record, w.source(), w.kind().name(), w.erpNumber(), "REFUSED", "CONFLICT",
                        "Linked meanwhile: " + e.getMessage()));
            } catch (ErpGatewayException e) {
                report.add(new Row(w.line(), record, w.source(), w.kind().name(), w.erpNumber(), "REFUSED", "ERP_UNREACHABLE",
                        "The ERP cannot check the number now: " + e.getMessage()));
            }
        }
        report.sort(java.util.Comparator.comparingLong(Row::line));
        return new Report(dryRun, report.size(), linked, unchanged, report.size() - linked - unchanged, report);
    }

    private Wanted parse(CSVRecord row, Map<String, Integer> header, long line) throws Refused {
        RecordType type;
        try {
            type = RecordType.fromId(value(row, header, "RecordType").toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new Refused("MALFORMED", "RecordType must be company, contact or project");
        }
        String id = value(row, header, "RecordId");
        if (id.isEmpty() || id.length() > 100) {
            throw new Refused("MALFORMED", "RecordId is required (at most 100 characters)");
        }
        LinkKind kind;
        try {
            kind = LinkKind.valueOf(value(row, header, "Kind").toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new Refused("MALFORMED", "Kind must be CUSTOMER, SUPPLIER or PROJECT");
        }
        String number = value(row, header, "ErpNumber");
        if (!NUMBER.matcher(number).matches()) {
            throw new Refused("MALFORMED", "ErpNumber must be 1-32 letters, digits, '.', '_' or '-'");
        }
        String source = value(row, header, "Source");
        return new Wanted(line, new RecordRef(type, id), source.isEmpty() ? defaultSource : source, kind, number);
    }

    /** Whether the ERP knows the number: customers and suppliers from one read of the ERP's list, projects one by one. */
    private boolean knownInErp(Wanted w, Map<String, Set<String>> known) {
        if (w.kind() == LinkKind.PROJECT) {
            try {
                gateway.projectOverview(w.source(), w.erpNumber());
                return true;
            } catch (ErpGatewayException e) {
                if (e.code() == ErpErrorCode.NOT_FOUND || e.code() == ErpErrorCode.INVALID_REQUEST) {
                    return false;
                }
                throw e;
            }
        }
        Set<String> numbers = known.computeIfAbsent(w.source() + "|" + w.kind(), k -> {
            Set<String> all = new HashSet<>();
            PartyKind kind = w.kind() == LinkKind.SUPPLIER ? PartyKind.SUPPLIER : PartyKind.CUSTOMER;
            for (int offset = 0; ; offset += PAGE) {
                PartyPage page = gateway.parties(w.source(), kind, offset, PAGE);
                for (Party p : page.parties()) {
                    all.add(p.number());
                }
                if (page.parties().size() < PAGE) {
                    return all;
                }
            }
        });
        return numbers.contains(w.erpNumber());
    }

    private static String value(CSVRecord row, Map<String, Integer> header, String column) {
        Integer at = header.get(column);
        return at == null || at >= row.size() ? "" : row.get(at).strip();
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
