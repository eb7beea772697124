package org.gridwork.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Users' phone numbers stored before they were normalised get their E.164 hash at start-up (issue 18). */
@Component
class AccountPhoneBackfill {

    private static final Logger log = LoggerFactory.getLogger(AccountPhoneBackfill.class);

    private final AccountService accounts;

    AccountPhoneBackfill(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            int n = accounts.normaliseStoredPhones();
            if (n > 0) {
                log.info("Phone numbers of {} users normalised (E.164 hash)", n);
            }
        } catch (RuntimeException e) {
            log.warn("Users' phone numbers not normalised; tried again at the next start: {}", e.toString());
        }
    }
}
