package org.gridwork.task;

/** A type of work on the 准入清单, with the document that approved it. */
public record TaskTypeSummary(long id, String name, String approvingDocument, boolean active) {
}
