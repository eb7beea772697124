package org.gridwork.shared.demo;

/**
 * A module's part of the demo data set. Contributors run in {@link #order()} once, on the first
 * start against an empty database, outside the {@code prod} profile.
 */
public interface DemoDataContributor {

    /** Territory first (10), then accounts (20), then the feature modules (30 and up). */
    int order();

    void load();
}
