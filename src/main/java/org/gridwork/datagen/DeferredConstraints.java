package org.gridwork.datagen;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secondary indexes, unique constraints and foreign keys of the bulk-loaded tables, dropped before
 * the load and made again after it. Kept up row by row, the indexes' random inserts (a UUID key, a
 * resident id per visit) overflow PostgreSQL's default 128 MB of shared buffers, and each row's
 * foreign keys cost a lookup and a row lock: the county load took 26 minutes. Built once after the
 * load, an index takes seconds and a foreign key is checked by one join. Primary keys stay (their
 * keys arrive in order), and so does any unique constraint a foreign key depends on. Definitions
 * are read from the catalogue, so they come back exactly as the migrations made them.
 */
final class DeferredConstraints {

    /** The tables the generator fills with COPY, and only those. */
    static final List<String> TABLES = List.of("household", "resident", "resident_tagging", "care_plan", "visit",
            "issue", "issue_event", "task", "task_assignment");

    private final JdbcTemplate jdbc;
    private final List<String> rebuild = new ArrayList<>();

    private DeferredConstraints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops them and remembers how to build them again. */
    static DeferredConstraints drop(JdbcTemplate jdbc) {
        DeferredConstraints deferred = new DeferredConstraints(jdbc);
        Object tables = TABLES.toArray(String[]::new);
        List<String> drops = new ArrayList<>();
        // unique constraints no foreign key leans on
        jdbc.query("""
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                from pg_constraint c
                where c.contype = 'u' and c.conrelid::regclass::text = any (?)
                  and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
                """, rs -> {
            String table = rs.getString(1);
            String name = rs.getString(2);
            deferred.rebuild.add("alter table " + table + " add constraint " + name + " " + rs.getString(3));
            drops.add("alter table " + table + " drop constraint " + name);
        }, tables);
        // foreign keys of these tables, made again last (they need the keys they point at)
        List<String> foreignKeys = new ArrayList<>();
        jdbc.query("""
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                from pg_constraint c
                where c.contype = 'f' and c.conrelid::regclass::text = any (?)
                """, rs -> {
            String table = rs.getString(1);
            String name = rs.getString(2);
            foreignKeys.add("alter table " + table + " add constraint " + name + " " + rs.getString(3));
            drops.add(0, "alter table " + table + " drop constraint " + name);
        }, tables);
        // plain indexes: those that back no constraint
        jdbc.query("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                where i.indrelid::regclass::text = any (?)
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                """, rs -> {
            deferred.rebuild.add(rs.getString(2));
            drops.add("drop index " + rs.getString(1));
        }, tables);
        deferred.rebuild.addAll(foreignKeys);
        drops.forEach(jdbc::execute);
        return deferred;
    }

    /** How many were dropped (and will be made again). */
    int count() {
        return rebuild.size();
    }

    /** Builds them again, on one connection with room to sort in memory. */
    void rebuild() {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute("set maintenance_work_mem = '512MB'");
                for (String ddl : rebuild) {
                    st.execute(ddl);
                }
                st.execute("reset maintenance_work_mem");
            }
            return null;
        });
    }
}
