package org.gridwork.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskAssignmentRepository extends JpaRepository<TaskAssignment, Long> {

    List<TaskAssignment> findByTaskIdOrderById(Long taskId);

    Optional<TaskAssignment> findByTaskIdAndAssigneeId(Long taskId, Long assigneeId);
}
