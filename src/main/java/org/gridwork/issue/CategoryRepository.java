package org.gridwork.issue;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<IssueCategory, Long> {

    List<IssueCategory> findAllByOrderBySortOrderAscIdAsc();

    Optional<IssueCategory> findByCode(String code);
}
