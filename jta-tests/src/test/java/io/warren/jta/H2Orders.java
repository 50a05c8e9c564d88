package io.warren.jta;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The {@code ORDERS} table of an H2 database: the relational side of the tests' transactions. The table has no
 * key, so a row applied twice would show as two. Each call opens and closes its own plain connection; an XA
 * connection from {@link #xaConnection()} belongs to its caller. A file database stays open while any connection
 * to it is; an in-memory one until {@link #shutdown()}. Thread-safe.
 */
final class H2Orders {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    private H2Orders(String url) {
        dataSource.setURL(url);
        dataSource.setUser("sa");
    }

    /** A private in-memory database named {@code name}, kept until {@link #shutdown()}. */
    static H2Orders inMemory(String name) {
        return new H2Orders("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** A database in the files {@code file.mv.db} (and friends), as another process may have left it. */
    static H2Orders inFile(Path file) {
        return new H2Orders("jdbc:h2:file:" + file.toAbsolutePath());
    }

    H2Orders createTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ORDERS (ID INT NOT NULL, SOURCE VARCHAR(64))");
        }
        return this;
    }

    /** A new XA connection, whose XAResource enlists its connection's statements in a transaction branch. */
    XAConnection xaConnection() throws SQLException {
        return dataSource.getXAConnection();
    }

    /** Inserts one order row through {@code connection}, inside whatever transaction it is part of. */
    static void insert(Connection connection, int id, String source) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO ORDERS (ID, SOURCE) VALUES (?, ?)")) {
            s.setInt(1, id);
            s.setString(2, source);
            s.executeUpdate();
        }
    }

    /** The committed rows' ids in ascending order, duplicates included. */
    List<Integer> ids() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM ORDERS ORDER BY ID")) {
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            return ids;
        }
    }

    /** The branches H2 holds prepared and undecided, as a recovery scan of a fresh XA connection lists them. */
    List<Xid> inDoubt() throws SQLException, XAException {
        XAConnection xa = xaConnection();
        try {
            return List.of(xa.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
        } finally {
            xa.close();
        }
    }

    /** Closes the database (an in-memory one is dropped). */
    void shutdown() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
