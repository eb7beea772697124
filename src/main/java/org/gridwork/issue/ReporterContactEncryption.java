package org.gridwork.issue;

import java.util.List;

import org.gridwork.shared.crypto.FieldEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporter contacts stored in plain text before V70 are encrypted once at start-up (the key is not in
 * the database, so a migration cannot). A stored value in the encrypted form ({@code keyId:base64}) is
 * left alone; running on several instances at once only encrypts a value twice, never loses one,
 * because each update checks the value it read.
 */
@Component
class ReporterContactEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReporterContactEncryption.class);
    static final String ENCRYPTED = "^[A-Za-z0-9_-]+:[A-Za-z0-9+/]+=*$";

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;
    private final TransactionTemplate tx;

    ReporterContactEncryption(JdbcTemplate jdbc, FieldEncryptor crypto, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void encryptPlainContacts() {
        int done = encryptPlain();
        if (done > 0) {
            log.info("Encrypted {} Open311 reporter contacts stored in plain text.", done);
        }
    }

    int encryptPlain() {
        Integer n = tx.execute(s -> {
            List<Object[]> plain = jdbc.query("select id, reporter_contact from issue where reporter_contact is not null"
                    + " and reporter_contact !~ ?", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, ENCRYPTED);
            int count = 0;
            for (Object[] row : plain) {
                count += jdbc.update("update issue set reporter_contact = ? where id = ? and reporter_contact = ?",
                        crypto.encrypt((String) row[1]), row[0], row[1]);
            }
            return count;
        });
        return n == null ? 0 : n;
    }
}
