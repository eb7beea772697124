package org.gridwork.campaign;

import java.util.List;

/** One page of targets and the count of all behind it (the figure the list was opened from). */
public record TargetPage(List<TargetRow> rows, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
