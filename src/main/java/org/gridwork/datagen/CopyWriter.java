package org.gridwork.datagen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Collects rows for one table in a temporary CSV file, then loads them with
 * {@code COPY ... FROM STDIN (FORMAT csv)}, the fastest way into PostgreSQL, in constant memory.
 * Spooling to disk first lets a generator write several tables at once and still load them one
 * after another in foreign-key order (one connection runs one COPY at a time).
 */
final class CopyWriter implements AutoCloseable {

    private final String table;
    private final String columns;
    private final Path file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    CopyWriter(String table, String columns) {
        this.table = table;
        this.columns = columns;
        try {
            this.file = Files.createTempFile("gridwork-" + table + "-", ".csv");
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; values are written as CSV fields, null as an empty unquoted field. */
    void row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = values[i];
            if (v != null) {
                String s = v.toString();
                line.append('"').append(s.indexOf('"') >= 0 ? s.replace("\"", "\"\"") : s).append('"');
            }
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Loads everything written so far into the table, within the connection's transaction. */
    void load(Connection connection) throws SQLException {
        try {
            out.flush();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)", in, 1 << 16);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
