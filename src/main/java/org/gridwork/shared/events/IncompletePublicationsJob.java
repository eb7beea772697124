package org.gridwork.shared.events;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits again the reactions between modules that did not complete (Spring Modulith's event
 * publication registry, table {@code event_publication}, V100): at start-up (a few seconds in) and
 * every {@code gridwork.events.resubmit-interval}, once across instances (ShedLock), only those
 * older than {@code gridwork.events.resubmit-after}. Spring Modulith's own republish-on-restart is
 * off: every instance starting would resubmit what another instance is still running.
 */
@Component
@EnableConfigurationProperties(EventSettings.class)
class IncompletePublicationsJob {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationsJob.class);

    private final IncompleteEventPublications incomplete;
    private final EventSettings settings;

    IncompletePublicationsJob(IncompleteEventPublications incomplete, EventSettings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${gridwork.events.resubmit-interval:PT5M}")
    @SchedulerLock(name = "event-publication-resubmit", lockAtMostFor = "PT10M")
    void resubmit() {
        log.debug("Submitting again the event publications older than {} that did not complete", settings.resubmitAfter());
        // as the system: a resubmitted reaction has no user of its own
        org.gridwork.shared.security.SystemPrincipal.run("event publication resubmission",
                () -> incomplete.resubmitIncompletePublicationsOlderThan(settings.resubmitAfter()));
    }
}
