package org.gridwork.resident;

import org.gridwork.shared.text.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gridwork.shared.crypto.FieldEncryptor;
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
 * pinyin initials from pinyin4j with every reading as a search key (V75), and the phone numbers'
 * keyed hash taken of their E.164 form (V76). Rows written since are
 * complete when written, so each batch only looks for what is still missing; several instances
 * doing it at once write the same values.
 */
@Component
class ResidentBackfill {

    private static final Logger log = LoggerFactory.getLogger(ResidentBackfill.class);
    static final int BATCH = 2_000;

    static final String PHONE_JOB = "phone-e164";

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;

    ResidentBackfill(JdbcTemplate jdbc, FieldEncryptor crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
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
            int phones = phones();
            if (phones > 0) {
                log.info("Phone numbers' keyed hash recomputed from E.164 for {} residents", phones);
            }
        } catch (RuntimeException e) {
            log.warn("Resident backfill stopped; it resumes at the next start: {}", e.toString());
        }
    }

    /**
     * Once: every stored phone number decrypted, normalised (readable form encrypted again, hash of
     * E.164, mask) and written back, in batches by id. A number that does not parse stays as it was.
     * Rows written meanwhile are already normalised: writing them again changes nothing.
     */
    int phones() {
        if (!jdbc.queryForList("select job from resident_backfill where job = ?", String.class, PHONE_JOB).isEmpty()) {
            return 0;
        }
        long after = 0;
        int done = 0;
        while (true) {
            List<Object[]> updates = new ArrayList<>();
            long[] last = {after};
            jdbc.query("select id, phone_enc from resident where id > ? and phone_enc is not null order by id limit " + BATCH,
                    rs -> {
                        last[0] = rs.getLong(1);
                        String plain = crypto.decrypt(rs.getString(2));
                        try {
                            String readable = PhoneNumber.parse(plain);
                            updates.add(new Object[] {crypto.encrypt(readable),
                                    crypto.blindIndex(PhoneNumber.e164(readable)), PhoneNumber.mask(readable), rs.getLong(1)});
                        } catch (RuntimeException e) {
                            // kept as it was: a person fixes it when they next edit the resident
                        }
                    }, after);
            if (last[0] == after) {
                break;
            }
            after = last[0];
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("update resident set phone_enc = ?, phone_index = ?, phone_masked = ? where id = ?", updates);
                done += updates.size();
            }
        }
        jdbc.update("insert into resident_backfill(job) values (?) on conflict do nothing", PHONE_JOB);
        return done;
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
