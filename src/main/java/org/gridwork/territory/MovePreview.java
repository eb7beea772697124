package org.gridwork.territory;

import java.util.List;

/**
 * What saving boundaries would do to the things placed by location, before anything is written:
 * how many residents, households and open issues would move from which grid to which ({@code to}
 * null: outside every grid, they stay where they are and join the list of unplaced things). The
 * token fingerprints the boundaries and the moves: a confirmation is accepted only when the
 * preview computed again at save time has the same token (guard against a stale form).
 */
public record MovePreview(List<Move> moves, String token) {

    public boolean isEmpty() {
        return moves.isEmpty();
    }

    public record Move(String labelKey, GridSummary from, GridSummary to, long count) {
    }
}
