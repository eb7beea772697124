package org.gridwork.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The one translation of a data scope into SQL (issue 17): each shape of scope, each table shape. */
class GridScopePredicateTest {

    @Test
    void everythingIsTrueAndNothingIsFalse() {
        assertThat(GridScope.everything().predicate("r.grid_id", null).sql()).isEqualTo("true");
        assertThat(GridScope.nothing().predicate("r.grid_id", "r.region_path").sql()).isEqualTo("false");
    }

    @Test
    void regionSubtreesArePathPrefixesWhereTheTableHasAPathWithWildcardsTakenLiterally() {
        GridScope supervisor = new GridScope(false, Set.of(1L, 2L), List.of("/1/2/", "/1/3_%/"));
        GridScope.Predicate p = supervisor.predicate("i.grid_id", "i.region_path");
        assertThat(p.sql()).isEqualTo("(i.region_path like ? or i.region_path like ?)");
        assertThat(p.args()).containsExactly("/1/2/%", "/1/3\\_\\%/%");
        // no path column: the same scope by its grids
        assertThat(supervisor.predicate("grid_id", null).sql()).isEqualTo("grid_id = any(?)");
        // no grid column and no subtree: nothing
        assertThat(new GridScope(false, Set.of(1L), List.of()).predicate(null, "path").sql()).isEqualTo("false");
    }

    @Test
    void fewGridsGoThroughTheGridIndexManyAreAFilterAndEveryGridIsOneBound() {
        assertThat(new GridScope(false, Set.of(7L, 8L), List.of()).predicate("g", null).sql()).isEqualTo("g = any(?)");
        Set<Long> many = LongStream.rangeClosed(1, GridScope.LARGE_SCOPE + 1).boxed().collect(Collectors.toSet());
        assertThat(new GridScope(false, many, List.of()).predicate("g", null).sql()).isEqualTo("(g + 0) = any(?)");
        GridScope every = new GridScope(false, many, List.of(), (long) GridScope.LARGE_SCOPE + 1);
        assertThat(every.predicate("g", null).sql()).isEqualTo("(g + 0) <= ?");
        assertThat(every.predicate("g", null).args()).containsExactly((long) GridScope.LARGE_SCOPE + 1);
    }
}
