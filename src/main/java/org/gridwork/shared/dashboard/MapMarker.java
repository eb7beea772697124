package org.gridwork.shared.dashboard;

/** A point on the dashboard map (an open issue), with the page it links to. */
public record MapMarker(long gridId, double longitude, double latitude, String title, String url) {
}
