package org.gridwork.campaign;

/** One line of a campaign's progress table: a town, village or grid (node code and name) with its counts. */
public record ProgressRow(String nodeCode, String name, String level, boolean drillable, Counts counts) {
}
