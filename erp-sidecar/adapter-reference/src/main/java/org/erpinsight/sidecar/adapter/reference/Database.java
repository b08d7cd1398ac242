package org.erpinsight.sidecar.adapter.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;

/**
 * Queries and transactions on the reference ERP's Derby database; SQL failures become
 * ERP_UNAVAILABLE. Connections come from a small pool: opening an embedded Derby connection
 * costs about as much as a whole overview query.
 */
final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    Database(String path) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(path);
        boot(derby);
        HikariConfig config = new HikariConfig();
        config.setDataSource(derby);
        config.setPoolName("reference-erp");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * Boots Derby before the pool asks: the pool gives every connection a login timeout, and the
     * first one boots the database (replaying its log after a crash), which may take longer.
     */
    private static void boot(EmbeddedDataSource derby) {
        try (Connection ignored = derby.getConnection()) {
            // booted; later connections are quick
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the reference ERP database " + derby.getDatabaseName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T query(String sql, Row<T> row, Object... args) {
        return read(c -> query(c, sql, row, args));
    }

    <T> List<T> list(String sql, Row<T> row, Object... args) {
        return read(c -> list(c, sql, row, args));
    }

    static <T> T query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i] instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : args[i]);
        }
    }

    /** Read-only work on one connection. */
    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Work in one transaction: all of it is written, or none. Read committed, not serializable:
     * uniqueness is the unique keys' job (a racing duplicate fails on them), and writers that
     * change one order lock its row first, so range locks would only add deadlocks.
     */
    <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    boolean reachable() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("VALUES 1")) {
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static ErpException unavailable(SQLException e) {
        return new ErpException(ErrorCode.ERP_UNAVAILABLE, "The reference ERP database failed (SQL state " + e.getSQLState() + ")", e);
    }
}
