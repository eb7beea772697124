package org.gridwork.resident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Brings rows written before issue 18 up to date, in the background after start-up and in small
 * batches (a county's 800,000 residents take a few minutes, and no request waits for them): the
 * pinyin initials from pinyin4j with every reading as a search key (V75). Rows written since are
 * complete when written, so each batch only looks for what is still missing; several instances
 * doing it at once write the same values.
 */
@Component
class ResidentBackfill {

    private static final Logger log = LoggerFactory.getLogger(ResidentBackfill.class);
    static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;

    ResidentBackfill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(TaskScheduler.class).schedule(this::run, Instant.now());
    }

    void run() {
        try {
            int pinyin = 0;
            for (int n; (n = pinyinBatch()) > 0; ) {
                pinyin += n;
            }
            if (pinyin > 0) {
                log.info("Pinyin initials with every reading written for {} residents", pinyin);
            }
        } catch (RuntimeException e) {
            log.warn("Resident backfill stopped; it resumes at the next start: {}", e.toString());
        }
    }

    /** One batch of names without their initials' keys; the number of rows brought up to date. */
    int pinyinBatch() {
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("select id, name from resident where name_initials_keys is null order by id limit " + BATCH, rs -> {
            String name = rs.getString(2);
            updates.add(new Object[] {PinyinInitials.of(name), PinyinInitials.keysLiteral(name), rs.getLong(1)});
        });
        if (updates.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("update resident set name_initials = ?, name_initials_keys = ?::text[] where id = ?", updates);
        return updates.size();
    }
}
