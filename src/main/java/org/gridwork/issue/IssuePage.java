package org.gridwork.issue;

import java.util.List;

/**
 * A keyset page of issues, newest first. {@code count} is exact up to {@code countLimit}; above
 * it the list says "more than", which keeps counting cheap at half a million issues.
 */
public record IssuePage(List<IssueRow> rows, Long nextBefore, long count, boolean countCapped) {
}
