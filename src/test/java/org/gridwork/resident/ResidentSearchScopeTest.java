package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridwork.support.IntegrationTest;
import org.gridwork.territory.GridDirectory;
import org.gridwork.territory.GridScope;
import org.gridwork.territory.GridSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register's search keeps to the scope it is given, however that scope is put to the database. */
@IntegrationTest
class ResidentSearchScopeTest {

    @Autowired
    ResidentSearch search;
    @Autowired
    GridDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScopeOfEveryGridFindsResidentsAnywhereAndOneGridLessLeavesThatGridsPeopleOut() {
        Set<Long> every = directory.all().stream().map(GridSummary::id).collect(Collectors.toSet());
        var resident = jdbc.queryForMap("select id, name, grid_id from resident where status = 'LIVING' order by id limit 1");
        long id = ((Number) resident.get("id")).longValue();
        long gridId = ((Number) resident.get("grid_id")).longValue();
        ResidentQuery byName = new ResidentQuery((String) resident.get("name"), null, null, null,
                ResidentQuery.Sort.NAME, null, null, 50);

        // every grid there is: put to the database as one bound on grid ids
        assertThat(directory.everyGridUpTo(every)).hasValue(every.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(search.page(new GridScope(false, every, List.of()), byName).items())
                .extracting(ResidentSummary::id).contains(id);

        // all but the resident's grid: listed ids, and the resident is out of reach
        Set<Long> allButOne = new HashSet<>(every);
        allButOne.remove(gridId);
        assertThat(directory.everyGridUpTo(allButOne)).isEmpty();
        assertThat(search.page(new GridScope(false, Set.copyOf(allButOne), List.of()), byName).items())
                .extracting(ResidentSummary::id).doesNotContain(id);

        // a grid the directory does not know (made elsewhere a moment ago) does not make a scope "every grid"
        Set<Long> withUnknown = new HashSet<>(allButOne);
        withUnknown.add(Long.MAX_VALUE);
        assertThat(directory.everyGridUpTo(withUnknown)).isEmpty();
    }
}
