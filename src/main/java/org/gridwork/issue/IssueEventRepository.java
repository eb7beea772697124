package org.gridwork.issue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IssueEventRepository extends JpaRepository<IssueEvent, Long> {

    List<IssueEvent> findByIssueIdOrderByIdAsc(Long issueId);
}
