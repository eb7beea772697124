package org.gridwork.shared.demo;

import org.gridwork.shared.security.SystemPrincipal;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set once, marking it done in {@code demo_data_load} in the same transaction.
 * A lifecycle bean of an early phase, so it runs before the web server opens: nobody can reach
 * the login page while the demo users do not exist yet.
 */
@Component
@Profile("!prod & !datagen")
class DemoDataLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataContributor> contributors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoDataLoader(List<DemoDataContributor> contributors, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.contributors = contributors;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    private volatile boolean running;

    @Override
    public int getPhase() {
        return 0; // the web server starts in a later phase
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        tx.executeWithoutResult(status -> {
            // Serialises two instances starting at once against the same empty database.
            jdbc.execute("lock table demo_data_load in exclusive mode");
            Integer done = jdbc.queryForObject("select count(*) from demo_data_load", Integer.class);
            if (done != null && done > 0) {
                return;
            }
            Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
            if (users != null && users > 0) {
                return; // not an empty database: never mix demo data into real data
            }
            // as the system principal: the services check the caller's role (contributors that act
            // as a demo user put that user in the context themselves)
            SystemPrincipal.run("demo data", () -> contributors.stream()
                    .sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(c -> {
                        log.info("Loading demo data: {}", c.getClass().getSimpleName());
                        c.load();
                    }));
            jdbc.update("insert into demo_data_load(loaded_at) values (now())");
        });
        log.info("""

                ------------------------------------------------------------------
                 Gridwork demo logins (password for all: gridwork-demo)
                   admin       系统管理员 / administrator
                   supervisor  网格长 / supervisor of 侯口镇 Houkou Town
                   staff       网格员 / grid staff (侯口一村 grids)
                   staff2      网格员 / grid staff (侯口二村 grids)
                   handler     职能部门 / department handler (侯口派出所)
                ------------------------------------------------------------------""");
    }
}
