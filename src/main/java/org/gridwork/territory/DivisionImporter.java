package org.gridwork.territory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gridwork.shared.audit.AuditEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports administrative divisions from CSV ({@code code,name,level,parent_code}, parents first,
 * short or zero-padded 12-digit codes). The file is streamed row by row into a temporary table
 * with COPY, checked there with set-based SQL and merged level by level, so memory stays flat
 * whatever the file size. Any problem rolls everything back: a bad file imports nothing.
 */
@Service
public class DivisionImporter {

    static final int MAX_LISTED_ERRORS = 200;
    private static final Logger log = LoggerFactory.getLogger(DivisionImporter.class);
    private static final List<String> HEADER = List.of("code", "name", "level", "parent_code");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DivisionImporter(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    @PreAuthorize(Authorities.ADMIN)
    public DivisionImportReport importCsv(InputStream in) {
        long started = System.nanoTime();
        DivisionImportReport report = tx.execute(status -> {
            DivisionImportReport r = runInTransaction(in);
            if (!r.ok()) {
                status.setRollbackOnly();
            }
            return r;
        });
        log.info("Division import: {} created, {} updated, {} unchanged, {} errors in {} ms ({})", report.created(),
                report.updated(), report.unchanged(), report.errorCount(), (System.nanoTime() - started) / 1_000_000,
                PHASES.get());
        if (report.ok()) {
            events.publishEvent(AuditEvent.of("TERRITORY_DIVISIONS_IMPORTED", "REGION", null,
                    "created=" + report.created() + " updated=" + report.updated()));
        }
        return report;
    }

    /**
     * Per phase of the last import on this thread, logged with its result (profiling at national
     * scale): wall milliseconds, and this thread's CPU milliseconds (the JVM's part of the work;
     * the rest is the database's), which a machine shared with other builds does not inflate.
     */
    private static final ThreadLocal<Map<String, String>> PHASES = ThreadLocal.withInitial(java.util.LinkedHashMap::new);
    private static final ThreadLocal<long[]> PHASE_START = ThreadLocal.withInitial(() -> new long[2]);
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The phases of the last import on this thread (the national-scale test prints them). */
    static Map<String, String> lastPhases() {
        return new java.util.LinkedHashMap<>(PHASES.get());
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        long cpu = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        long[] start = PHASE_START.get();
        if (name != null && start[0] != 0) {
            PHASES.get().put(name, (now - start[0]) / 1_000_000 + " ms (JVM CPU " + (cpu - start[1]) / 1_000_000 + " ms)");
        }
        start[0] = now;
        start[1] = cpu;
    }

    private DivisionImportReport runInTransaction(InputStream in) {
        PHASES.get().clear();
        phase(null);
        jdbc.execute("create temp table division_stage (line bigint not null, code varchar(12) not null,"
                + " name varchar(100) not null, level varchar(10) not null, parent_code varchar(12), alt_parent varchar(12))"
                + " on commit drop");
        Errors errors = new Errors();
        long rows = stage(in, errors);
        phase("stage (parse + COPY)");
        if (rows == 0 && errors.count > 0) {
            return errors.report();
        }
        if (rows == 0) {
            errors.add(1, "territory.import.error.empty");
            return errors.report();
        }
        // the first line of each code: what is merged, and what the checks compare the others with
        jdbc.execute("""
                create temp table division_unique on commit drop as
                select distinct on (code) code, name, level, parent_code, alt_parent, line from division_stage
                order by code, line""");
        jdbc.execute("analyze division_unique");
        phase("unique");
        // a 12-digit parent is read at the level right above the row (东莞's towns under the county
        // node 441900, not the city 4419); where no such node exists, the file skips a level there
        // (few rows have a second reading: both tables are scanned, nothing is looked up per row)
        for (String table : new String[] {"division_stage", "division_unique"}) {
            jdbc.update("""
                    update %s s set parent_code = s.alt_parent
                    where s.alt_parent is not null
                      and not exists (select 1 from division_unique p where p.code = s.parent_code and p.line < s.line)
                      and not exists (select 1 from region r where r.code = s.parent_code)""".formatted(table));
        }
        phase("parent levels");
        checkInSql(errors);
        phase("checks");
        if (errors.count > 0) {
            return errors.report();
        }
        return merge();
    }

    /** Streams the CSV into the stage table; row-level problems are collected, not thrown. */
    private long stage(InputStream raw, Errors errors) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long line = 1;
        try (Reader reader = utf8(raw);
                CSVParser csv = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setTrim(true).get())) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy division_stage (line, code, name, level, parent_code, alt_parent) from stdin");
            StringBuilder buffer = new StringBuilder(70_000);
            long staged = 0;
            boolean header = true;
            try {
                for (CSVRecord record : csv) {
                    line = csv.getCurrentLineNumber();
                    if (header) {
                        header = false;
                        if (!checkHeader(record, errors)) {
                            return 0;
                        }
                        continue;
                    }
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // blank line
                    }
                    Row row = row(record, line, errors);
                    // rows with problems are left out, the others staged: the checks below then list
                    // every problem of the file at once, though nothing is merged
                    if (row != null) {
                        row.appendCopyLine(buffer);
                        staged++;
                        if (buffer.length() > 64_000) {
                            flush(copy, buffer);
                        }
                    }
                }
                if (header) {
                    errors.add(1, "territory.import.error.empty");
                    return 0;
                }
                flush(copy, buffer);
                copy.endCopy();
                return staged;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (UncheckedIOException e) {
            return notUtf8OrRethrow(e.getCause(), line + 1, errors);
        } catch (IOException e) {
            return notUtf8OrRethrow(e, line + 1, errors);
        } catch (SQLException e) {
            throw new IllegalStateException("staging divisions failed", e);
        }
    }

    private static long notUtf8OrRethrow(IOException e, long line, Errors errors) {
        if (e instanceof CharacterCodingException) {
            errors.add(line, "territory.import.error.notUtf8", line);
            return 0;
        }
        throw new UncheckedIOException(e);
    }

    /** A strict UTF-8 reader (a GBK file fails instead of turning into mojibake); skips a BOM. */
    private static Reader utf8(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 65_536);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static boolean checkHeader(CSVRecord record, Errors errors) {
        List<String> found = record.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (!found.equals(HEADER)) {
            errors.add(1, "territory.import.error.header", String.join(",", found), String.join(",", HEADER));
            return false;
        }
        return true;
    }

    private static Row row(CSVRecord record, long line, Errors errors) {
        if (record.size() != 4) {
            errors.add(line, "territory.import.error.columns", record.size());
            return null;
        }
        String rawCode = record.get(0);
        String name = record.get(1);
        String levelName = record.get(2).toUpperCase(Locale.ROOT);
        String rawParent = record.get(3);
        RegionLevel level;
        try {
            level = RegionLevel.valueOf(levelName);
        } catch (IllegalArgumentException e) {
            errors.add(line, "territory.import.error.level", record.get(2));
            return null;
        }
        if (name.isEmpty() || name.length() > 100) {
            errors.add(line, "territory.import.error.name", rawCode);
            return null;
        }
        String code = RegionCodes.normalise(rawCode, level);
        if (code == null) {
            errors.add(line, "territory.import.error.code", rawCode, record.get(2));
            return null;
        }
        String parent = null;
        String altParent = null;
        if (!rawParent.isEmpty()) {
            parent = RegionCodes.normaliseParent(rawParent, level);
            altParent = RegionCodes.strippedParent(rawParent);
            if (altParent != null && (altParent.equals(parent) || altParent.length() >= level.codeLength())) {
                altParent = null;
            }
            if (parent == null && altParent != null) {
                parent = altParent;
                altParent = null;
            }
            if (parent == null) {
                errors.add(line, "territory.import.error.parentCode", rawParent);
                return null;
            }
        } else if (level != RegionLevel.PROVINCE) {
            errors.add(line, "territory.import.error.parentMissing", code);
            return null;
        }
        return new Row(line, code, name, level, parent, altParent);
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** Checks that need the whole file or the database, each a set-based query with line numbers. */
    private void checkInSql(Errors errors) {
        jdbc.query("""
                select s.line, s.code, s.name, f.name as first_name, f.line as first_line
                from division_stage s join division_unique f on f.code = s.code
                where s.line > f.line and s.name <> f.name order by s.line limit ?""",
                rs -> {
                    errors.add(rs.getLong("line"), "territory.import.error.duplicate", rs.getString("code"),
                            rs.getString("first_name"), rs.getLong("first_line"));
                }, MAX_LISTED_ERRORS);
        // parent: an earlier line of the file, or a region already stored
        jdbc.query("""
                select s.line, s.code, s.level, s.parent_code,
                       coalesce(fp.level, rp.level) as parent_level
                from division_stage s
                left join division_unique fp on fp.code = s.parent_code and fp.line < s.line
                left join region rp on rp.code = s.parent_code
                where s.parent_code is not null
                  and (fp.level is null and rp.id is null
                       or left(s.code, length(s.parent_code)) <> s.parent_code
                       or length(s.parent_code) >= length(s.code))
                order by s.line limit ?""",
                rs -> {
                    String parentLevel = rs.getString("parent_level");
                    if (parentLevel == null) {
                        errors.add(rs.getLong("line"), "territory.import.error.parentUnknown",
                                rs.getString("parent_code"), rs.getString("code"));
                    } else {
                        errors.add(rs.getLong("line"), "territory.import.error.parentMismatch",
                                rs.getString("code"), rs.getString("parent_code"));
                    }
                }, MAX_LISTED_ERRORS);
        // an existing node cannot change level or move under another parent by import
        jdbc.query("""
                select s.line, s.code from division_stage s
                join region r on r.code = s.code
                left join region p on p.id = r.parent_id
                where r.level <> s.level or coalesce(p.code, '') <> coalesce(s.parent_code, '')
                order by s.line limit ?""",
                rs -> {
                    errors.add(rs.getLong("line"), "territory.import.error.moved", rs.getString("code"));
                }, MAX_LISTED_ERRORS);
    }

    /**
     * Renames what changed, then inserts what is new through {@code region_bulk_insert()} (V110): level
     * by level under the parents the codes name; a first load of a large file goes in with region's
     * secondary indexes and parent foreign key made again afterwards, which the application's role
     * could not do itself (the villages of China: ~7 s of the server's CPU instead of ~17 s).
     */
    private DivisionImportReport merge() {
        int total = jdbc.queryForObject("select count(*) from division_unique", Integer.class);
        int updated = jdbc.update("""
                update region r set name = u.name, updated_at = now()
                from division_unique u where r.code = u.code and r.name <> u.name""");
        phase("merge: renames");
        jdbc.update("""
                insert into region_load (code, name, level, parent_code)
                select u.code, u.name, u.level, u.parent_code from division_unique u
                where not exists (select 1 from region r where r.code = u.code)""");
        phase("merge: new rows staged");
        int created = jdbc.queryForObject("select region_bulk_insert()", Integer.class);
        phase("merge: inserted");
        return new DivisionImportReport(created, updated, total - created - updated, List.of(), 0);
    }

    private record Row(long line, String code, String name, RegionLevel level, String parentCode, String altParent) {

        void appendCopyLine(StringBuilder out) {
            out.append(line).append('\t').append(code).append('\t');
            escape(name, out);
            out.append('\t').append(level.name()).append('\t').append(parentCode == null ? "\\N" : parentCode)
                    .append('\t').append(altParent == null ? "\\N" : altParent).append('\n');
        }

        private static void escape(String value, StringBuilder out) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }

    private static final class Errors {
        private final List<DivisionImportReport.Problem> listed = new ArrayList<>();
        private int count;

        void add(long line, String key, Object... args) {
            count++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(new DivisionImportReport.Problem(line, key, args));
            }
        }

        DivisionImportReport report() {
            listed.sort((a, b) -> Long.compare(a.line(), b.line()));
            return DivisionImportReport.failed(listed, count);
        }
    }
}
