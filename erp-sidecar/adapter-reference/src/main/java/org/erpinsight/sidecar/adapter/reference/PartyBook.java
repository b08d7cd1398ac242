package org.erpinsight.sidecar.adapter.reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.erpinsight.sidecar.core.PartyQuery;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.WriteRequest;

/** Customers and suppliers: lookup, search for linking, paging, and creation from the CRM. */
final class PartyBook {
    private static final String COLUMNS = "number, name, vat_number, email, phone, postcode, city, country_code, currency, blocked";

    private final Database db;

    PartyBook(Database db) {
        this.db = db;
    }

    static String table(PartyKind kind) {
        return kind == PartyKind.CUSTOMER ? "customer" : "supplier";
    }

    Optional<Party> party(PartyKind kind, String number) {
        return Optional.ofNullable(db.query("SELECT " + COLUMNS + " FROM " + table(kind) + " WHERE number = ?",
                rs -> party(rs, kind), number));
    }

    static Party party(ResultSet rs, PartyKind kind) throws SQLException {
        return new Party(rs.getString("number"), kind, rs.getString("name"), rs.getString("vat_number"),
                rs.getString("email"), rs.getString("phone"), rs.getString("postcode"), rs.getString("city"),
                rs.getString("country_code"), rs.getString("currency"), rs.getBoolean("blocked"));
    }

    List<Party> searchCustomers(PartyQuery q) {
        return search(PartyKind.CUSTOMER, q);
    }

    /** Customers or suppliers by VAT number, email domain, phone and folded name, best match first. */
    List<Party> search(PartyKind kind, PartyQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.vatNumber() != null) {
            where.add("vat_number = ?");
            args.add(Names.vat(q.vatNumber()));
        }
        if (q.emailDomain() != null) {
            where.add("email_domain = ?");
            args.add(q.emailDomain().toLowerCase(Locale.ROOT).replaceFirst("^.*@", ""));
        }
        String phoneDigits = Names.digits(q.phone());
        if (phoneDigits != null && phoneDigits.length() >= 6) {
            // the last eight digits: tolerant of country prefixes and formatting
            where.add("phone_digits LIKE ?");
            args.add("%" + phoneDigits.substring(Math.max(0, phoneDigits.length() - 8)));
        }
        if (q.name() != null) {
            where.add("name_folded LIKE ? ESCAPE '!'");
            args.add("%" + escapeLike(Names.fold(q.name())) + "%");
        }
        if (where.isEmpty()) {
            return List.of();
        }
        record Scored(Party party, int score) {
        }
        List<Scored> scored = db.list("SELECT " + COLUMNS + ", email_domain, phone_digits, name_folded FROM " + table(kind) + " WHERE "
                + String.join(" OR ", where), rs -> new Scored(party(rs, kind), score(q, rs)), args.toArray());
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(x -> x.party().number()))
                .limit(q.limit())
                .map(Scored::party)
                .toList();
    }

    private static int score(PartyQuery q, ResultSet rs) throws SQLException {
        int score = 0;
        if (q.vatNumber() != null && Names.vat(q.vatNumber()).equals(rs.getString("vat_number"))) {
            score += 100;
        }
        if (q.emailDomain() != null && q.emailDomain().equalsIgnoreCase(rs.getString("email_domain"))) {
            score += 40;
        }
        String digits = Names.digits(q.phone());
        String stored = rs.getString("phone_digits");
        if (digits != null && digits.length() >= 6 && stored != null
                && stored.endsWith(digits.substring(Math.max(0, digits.length() - 8)))) {
            score += 30;
        }
        if (q.name() != null) {
            String folded = rs.getString("name_folded");
            score += folded.equals(Names.fold(q.name())) ? 50 : folded.startsWith(Names.fold(q.name())) ? 25 : 10;
        }
        return score;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    PartyPage page(PartyKind kind, int offset, int limit) {
        return db.read(c -> {
            int total = Database.query(c, "SELECT COUNT(*) FROM " + table(kind), rs -> rs.getInt(1));
            List<Party> parties = Database.list(c, "SELECT " + COLUMNS + " FROM " + table(kind)
                    + " ORDER BY number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", rs -> party(rs, kind), offset, limit);
            return new PartyPage(offset, limit, total, parties);
        });
    }

    /**
     * Creates a party with only a name (and optionally a number and VAT number): the CRM links
     * to it, the ERP keeps everything else. The idempotency key is stored on the row itself.
     */
    Party create(PartyKind kind, String name, String number, String vatNumber, WriteRequest write) {
        String table = table(kind);
        try {
            return db.transaction(c -> {
                Optional<Party> replay = replay(c, kind, write);
                if (replay.isPresent()) {
                    return replay.get();
                }
                String assigned = number != null ? number : nextNumber(c, table);
                if (Database.query(c, "SELECT 1 FROM " + table + " WHERE number = ?", rs -> true, assigned) != null) {
                    throw new ErpException(ErrorCode.DUPLICATE_NUMBER, "The ERP already has a " + kind.name().toLowerCase(Locale.ROOT)
                            + " with number " + assigned);
                }
                String vat = Names.vat(vatNumber);
                if (kind == PartyKind.CUSTOMER) {
                    Database.update(c, "INSERT INTO customer (number, name, name_folded, vat_number, currency, credit_limit,"
                            + " customer_group, market, blocked, idempotency_key, request_fingerprint)"
                            + " VALUES (?, ?, ?, ?, 'DKK', NULL, 'RETAIL', 'DOMESTIC', FALSE, ?, ?)",
                            assigned, name, Names.fold(name), vat, write.idempotencyKey(), write.fingerprint());
                } else {
                    Database.update(c, "INSERT INTO supplier (number, name, name_folded, vat_number, currency, blocked,"
                            + " idempotency_key, request_fingerprint) VALUES (?, ?, ?, ?, 'DKK', FALSE, ?, ?)",
                            assigned, name, Names.fold(name), vat, write.idempotencyKey(), write.fingerprint());
                }
                return Database.query(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE number = ?", rs -> party(rs, kind), assigned);
            });
        } catch (ErpException e) {
            // two requests racing with the same key (or number): the loser finds the winner's row
            if (e.getCause() instanceof SQLException sql && Database.isDuplicateKey(sql)) {
                return db.read(c -> replay(c, kind, write)).orElseThrow(() -> new ErpException(ErrorCode.DUPLICATE_NUMBER,
                        "The number was taken by another request at the same time"));
            }
            throw e;
        }
    }

    private static Optional<Party> replay(Connection c, PartyKind kind, WriteRequest write) throws SQLException {
        record Earlier(Party party, String fingerprint) {
        }
        Earlier earlier = Database.query(c, "SELECT " + COLUMNS + ", request_fingerprint FROM " + table(kind)
                + " WHERE idempotency_key = ?", rs -> new Earlier(party(rs, kind), rs.getString("request_fingerprint")),
                write.idempotencyKey());
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.fingerprint().equals(write.fingerprint())) {
            throw new ErpException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used for another request"
                    + " (it created " + kind.name().toLowerCase(Locale.ROOT) + " " + earlier.party().number() + ")");
        }
        return Optional.of(earlier.party());
    }

    private static String nextNumber(Connection c, String table) throws SQLException {
        while (true) {
            String candidate = Integer.toString(Database.query(c, "VALUES NEXT VALUE FOR party_number_seq", rs -> rs.getInt(1)));
            if (Database.query(c, "SELECT 1 FROM " + table + " WHERE number = ?", rs -> true, candidate) == null) {
                return candidate;
            }
        }
    }
}
