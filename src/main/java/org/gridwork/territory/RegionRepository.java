package org.gridwork.territory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, Long> {

    Optional<Region> findByCode(String code);

    List<Region> findByParentIdOrderByCode(Long parentId);

    List<Region> findByParentIdIsNullOrderByCode();

    List<Region> findByIdIn(Collection<Long> ids);

    List<Region> findByCodeIn(Collection<String> codes);

    Optional<Region> findByPath(String path);

    @Query("select r from Region r where r.path like concat(?1, '%') order by r.path")
    List<Region> findSubtree(String pathPrefix);
}
