package org.gridwork.shared.cache;

import java.time.Duration;

/**
 * Every cache of the application with its bound and lifetime, in one place (issue 17). Each is a
 * Caffeine cache behind Spring's {@link org.springframework.cache.Cache}, bounded in size, and
 * transaction-aware: an eviction or put made inside a transaction happens after it commits.
 *
 * <p>Staying correct with several instances: a cache either has a lifetime that bounds how long
 * another instance's change goes unseen (the small tables, unread counts), or its keys carry the
 * version of a read model read from the database on each request (the dashboard), so a refresh
 * on any instance is seen at once and old versions simply age out.
 *
 * <p>Two caches stay hand-made: {@code territory.GridDirectory} and {@code territory.GridLocator}
 * (the JTS snapshot) are one immutable snapshot each, rebuilt whole when {@code grid_index_version}
 * (V55–V57) moves, and read several times per request without a lookup.
 */
public enum GridworkCache {

    /** Issue categories (a tree read on every list): other instances' edits within 30 s. */
    ISSUE_CATEGORIES("issue.categories", 1, Duration.ofSeconds(30), false),
    /** Special-group tags: other instances' edits within 30 s. */
    RESIDENT_TAGS("resident.tags", 1, Duration.ofSeconds(30), false),
    /** The business calendar: other instances' edits within 30 s. */
    BUSINESS_CALENDAR("calendar.business", 1, Duration.ofSeconds(30), false),
    /** List filters whose count passed the cap (the list then says "more than 10,000"), for a minute. */
    ISSUE_CAPPED_COUNTS("issue.capped-counts", 2_000, Duration.ofMinutes(1), false),
    /** Each user's unread notifications (the bell on every page): another instance's within 15 s. */
    NOTIFICATION_UNREAD("notification.unread-count", 100_000, Duration.ofSeconds(15), false),
    /** Dashboard nodes by code or path, keyed with the roll-ups' version. */
    DASHBOARD_NODES("dashboard.nodes", 5_000, Duration.ofHours(1), true),
    /** Dashboard breadcrumbs above a node, keyed with the roll-ups' version. */
    DASHBOARD_ANCESTORS("dashboard.ancestors", 5_000, Duration.ofHours(1), true),
    /** A node's figures and its children's for a month, keyed with the roll-ups' version. */
    DASHBOARD_FIGURES("dashboard.figures", 5_000, Duration.ofHours(1), true),
    /** The dashboard's rendered content, the same for every viewer, keyed with the roll-ups' version. */
    DASHBOARD_BODIES("dashboard.bodies", 500, Duration.ofHours(1), true);

    private final String cacheName;
    private final long maximumSize;
    private final Duration lifetime;
    private final boolean versioned;

    GridworkCache(String cacheName, long maximumSize, Duration lifetime, boolean versioned) {
        this.cacheName = cacheName;
        this.maximumSize = maximumSize;
        this.lifetime = lifetime;
        this.versioned = versioned;
    }

    public String cacheName() {
        return cacheName;
    }

    public long maximumSize() {
        return maximumSize;
    }

    /**
     * After write for caches of live tables (it bounds staleness across instances); after access
     * for versioned ones (their keys go stale by themselves, the lifetime only frees memory).
     */
    public Duration lifetime() {
        return lifetime;
    }

    public boolean versioned() {
        return versioned;
    }
}
