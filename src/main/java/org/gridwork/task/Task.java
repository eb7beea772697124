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
import org.gridwork.shared.text.TextLimits;

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

    /** The 准入清单 type it was given as; null when outside the list or given before the list (V91). */
    @Column(name = "task_type_id")
    private Long taskTypeId;

    /** Why work outside the list must go to grid staff; set only for such tasks. */
    @Column(name = "outside_reason")
    private String outsideReason;

    /** NONE (listed or unclassified), PENDING / APPROVED / REFUSED for work outside the list. */
    @Column(name = "approval")
    private String approval = "NONE";

    @Column(name = "approval_by")
    private Long approvalBy;

    @Column(name = "approval_at")
    private Instant approvalAt;

    @Column(name = "approval_note")
    private String approvalNote;

    @Column(name = "creator_level")
    private String creatorLevel;

    protected Task() {
    }

    Task(String title, String instructions, LocalDate dueDate, long createdBy) {
        this.title = title;
        this.instructions = instructions;
        this.dueDate = dueDate;
        this.originalDueDate = dueDate;
        this.createdBy = createdBy;
    }

    /** Classifies the task against the 准入清单: a listed type, or outside the list awaiting approval. */
    void classify(Long taskTypeId, String outsideReason, String creatorLevel) {
        this.taskTypeId = taskTypeId;
        this.creatorLevel = creatorLevel;
        if (taskTypeId == null && outsideReason != null) {
            this.outsideReason = outsideReason;
            this.approval = "PENDING";
        }
    }

    /** The level above decides on work outside the list; only once. */
    void decide(boolean approved, long by, String note, Instant at) {
        if (!"PENDING".equals(approval)) {
            throw new BusinessRuleException("task.admission.notPending");
        }
        TextLimits.require(note == null ? null : note.strip(), 1000); // task.approval_note
        this.approval = approved ? "APPROVED" : "REFUSED";
        this.approvalBy = by;
        this.approvalNote = note == null || note.isBlank() ? null : note.strip();
        this.approvalAt = at;
        this.updatedAt = at;
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

    Long getTaskTypeId() {
        return taskTypeId;
    }

    String getOutsideReason() {
        return outsideReason;
    }

    String getApproval() {
        return approval;
    }

    String getCreatorLevel() {
        return creatorLevel;
    }
}
