package org.gridwork.territory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GridRepository extends JpaRepository<Grid, Long> {

    Optional<Grid> findByCode(String code);

    List<Grid> findByIdInOrderByCode(Collection<Long> ids);

    List<Grid> findByVillageIdOrderByCode(Long villageId);

    @Query("select g from Grid g where g.regionPath like concat(?1, '%') order by g.code")
    List<Grid> findInSubtree(String pathPrefix);
}
