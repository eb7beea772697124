package org.gridwork.territory;

import java.util.List;

import org.gridwork.shared.text.PinyinMatch;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area picker's choices as the user types: a short list of grids or region nodes within the
 * user's scope, however large the tree.
 */
@Service
@Transactional(readOnly = true)
public class AreaPicker {

    /** One choice of the area picker: the code to submit and what the user reads. */
    public record AreaOption(String value, String label, String level) {
    }

    /** Most choices the area picker offers at once: a short list, however large the tree. */
    public static final int LIMIT = 20;

    private final Regions regions;
    private final Grids grids;
    private final GridDirectory directory;

    AreaPicker(Regions regions, Grids grids, GridDirectory directory) {
        this.regions = regions;
        this.grids = grids;
        this.directory = directory;
    }

    /**
     * The area picker's choices (search as you type over the JSON endpoint): grids by code prefix
     * or name, or region nodes by code prefix or name, always within the user's scope and at most
     * {@link #LIMIT}, so that no screen lists the national tree.
     */
    public List<AreaOption> searchAreas(String query, boolean gridsWanted) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (gridsWanted) {
            return grids.gridsInScope().stream()
                    // by code, by name or by the pinyin initials of the grid's name with its village's (hkyc → 侯口一村)
                    .filter(g -> g.code().startsWith(q) || PinyinMatch.matches(directory.placeName(g), q))
                    .limit(LIMIT)
                    .map(g -> new AreaOption(g.code(), directory.placeName(g) + " " + g.code(), "GRID")).toList();
        }
        return regions.searchRegions(q, PageRequest.of(0, LIMIT)).getContent().stream()
                .map(r -> new AreaOption(r.code(), r.name() + " " + r.code(), r.level().name())).toList();
    }
}
