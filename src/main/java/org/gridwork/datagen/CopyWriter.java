package org.gridwork.datagen;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN (FORMAT csv)}, buffering about a
 * megabyte at a time: the fastest way PostgreSQL takes bulk data, with constant memory.
 */
final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyWriter(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
    }

    /** One row; values are written as CSV fields, null as an empty unquoted field. */
    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            Object v = values[i];
            if (v != null) {
                String s = v.toString();
                buffer.append('"').append(s.indexOf('"') >= 0 ? s.replace("\"", "\"\"") : s).append('"');
            }
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
        buffer.setLength(0);
    }

    @Override
    public void close() {
        try {
            flush();
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        } catch (RuntimeException e) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the original failure matters more
            }
            throw e;
        }
    }
}
