package org.gridwork.datagen;

import org.gridwork.shared.security.SystemPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.gridwork.shared.MissingSettingException;

/**
 * Fills an empty database with the {@code gridwork.datagen.preset} data set from
 * {@code gridwork.datagen.seed}; the same seed gives the same data. Runs in the {@code datagen}
 * profile, then the app goes on serving (or exits with {@code gridwork.datagen.exit=true}).
 */
@Component
@Profile("datagen")
// registered here: nothing else enables the record, so the datagen profile failed to start
@org.springframework.boot.context.properties.EnableConfigurationProperties(DatagenSettings.class)
class DataGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final List<ResidentDataGenerator> later;
    private final String presetName;
    private final long seed;
    private final boolean exitWhenDone;
    private final org.springframework.context.ConfigurableApplicationContext context;

    DataGenerator(JdbcTemplate jdbc, TransactionTemplate tx, PasswordEncoder encoder,
            List<ResidentDataGenerator> later,
            DatagenSettings settings, org.springframework.context.ConfigurableApplicationContext context) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encoder = encoder;
        this.later = later;
        this.presetName = settings.preset();
        this.seed = settings.seed();
        this.exitWhenDone = settings.exit();
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemPrincipal.run("data generator", this::generate);
    }

    private void generate() {
        Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
        if (users != null && users > 0) {
            throw new MissingSettingException("The data generator only fills an empty database, and this one has users.",
                    "Point it at a new database, e.g. --gridwork.database.name=gridwork_" + presetName + ".");
        }
        Preset preset = Preset.named(presetName);
        long start = System.nanoTime();
        Random random = new Random(seed);
        var grids = tx.execute(s -> new TerritoryGenerator(jdbc, random).generate(preset));
        log.info("datagen: {} grids", grids.size());
        Map<Long, Long> staffOfGrid = tx.execute(s -> new PeopleGenerator(jdbc, encoder).generate(preset, grids));
        DeferredConstraints deferred = DeferredConstraints.drop(jdbc);
        for (ResidentDataGenerator step : later) {
            step.generate(preset, random, grids, staffOfGrid);
        }
        long built = System.nanoTime();
        deferred.rebuild();
        log.info("datagen: {} indexes and keys made in {} s", deferred.count(), (System.nanoTime() - built) / 1_000_000_000);
        jdbc.execute("vacuum analyze");
        log.info("datagen: preset {} with seed {} done in {} s", preset.name(), seed, (System.nanoTime() - start) / 1_000_000_000);
        if (exitWhenDone) {
            System.exit(org.springframework.boot.SpringApplication.exit(context));
        }
    }
}
