package org.gridwork.task;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridwork.shared.BusinessRuleException;

/** A task (任务) given by a supervisor; the assignees' progress lives in {@link TaskAssignment}. */
@Entity
@Table(name = "task")
class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String instructions;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "original_due_date")
    private LocalDate originalDueDate;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Task() {
    }

    Task(String title, String instructions, LocalDate dueDate, long createdBy) {
        this.title = title;
        this.instructions = instructions;
        this.dueDate = dueDate;
        this.originalDueDate = dueDate;
        this.createdBy = createdBy;
    }

    /** Moves the due date later; the original one is kept for statistics. */
    void extendTo(LocalDate newDueDate) {
        if (newDueDate == null || !newDueDate.isAfter(dueDate)) {
            throw new BusinessRuleException("task.extend.notLater", dueDate);
        }
        this.dueDate = newDueDate;
        this.updatedAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getInstructions() {
        return instructions;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    LocalDate getOriginalDueDate() {
        return originalDueDate;
    }

    Long getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
