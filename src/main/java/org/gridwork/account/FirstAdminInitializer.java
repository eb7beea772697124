package org.gridwork.account;

import org.gridwork.shared.security.SystemPrincipal;
import org.gridwork.shared.MissingSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production there are no demo users and no default password: on an empty database the first
 * admin comes from GRIDWORK_ADMIN_USERNAME / GRIDWORK_ADMIN_PASSWORD, and start-up stops when
 * they are missing.
 */
@Component
@Profile("prod")
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final AccountService accounts;
    private final Environment env;

    FirstAdminInitializer(AccountService accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countUsers() > 0) {
            return;
        }
        String username = env.getProperty("GRIDWORK_ADMIN_USERNAME", env.getProperty("gridwork.admin.username", ""));
        String password = env.getProperty("GRIDWORK_ADMIN_PASSWORD", env.getProperty("gridwork.admin.password", ""));
        if (username.isBlank() || password.isBlank()) {
            throw new MissingSettingException(
                    "The database has no users and no first administrator was given.",
                    "Set GRIDWORK_ADMIN_USERNAME and GRIDWORK_ADMIN_PASSWORD (at least 10 characters) for the first start.");
        }
        if (password.length() < 10) {
            throw new MissingSettingException(
                    "GRIDWORK_ADMIN_PASSWORD is shorter than 10 characters.",
                    "Choose a longer password for the first administrator.");
        }
        SystemPrincipal.run("first administrator", () -> accounts.createUser(username, password, username, Role.ADMIN, null));
        log.info("Created the first administrator '{}'.", username);
    }
}
