package org.gridwork.resident;

/** A resident's home now lies in another grid (edited, or a grid boundary was redrawn). */
public record ResidentRelocated(long residentId, long fromGridId, long toGridId) {
}
