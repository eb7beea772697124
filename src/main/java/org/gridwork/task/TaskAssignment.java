package org.gridwork.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One assignee's share of a task: their status, note and optional photo. */
@Entity
@Table(name = "task_assignment")
class TaskAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id")
    private Long taskId;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "grid_id")
    private Long gridId;

    @Enumerated(EnumType.STRING)
    private TaskStatus status = TaskStatus.NOT_STARTED;

    private String note;

    @Column(name = "photo_id")
    private UUID photoId;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Version
    private long version;

    protected TaskAssignment() {
    }

    TaskAssignment(long taskId, long assigneeId, long gridId) {
        this.taskId = taskId;
        this.assigneeId = assigneeId;
        this.gridId = gridId;
    }

    /** Records progress; a new photo replaces the old one, no photo keeps it. */
    void recordProgress(TaskStatus newStatus, String newNote, UUID newPhotoId) {
        this.status = newStatus;
        this.note = newNote == null || newNote.isBlank() ? null : newNote.strip();
        if (newPhotoId != null) {
            this.photoId = newPhotoId;
        }
        this.updatedAt = Instant.now();
        this.doneAt = newStatus == TaskStatus.DONE ? (doneAt == null ? updatedAt : doneAt) : null;
    }

    void reminded() {
        this.remindedAt = Instant.now();
    }

    boolean isDone() {
        return status == TaskStatus.DONE;
    }

    Long getId() {
        return id;
    }

    Long getTaskId() {
        return taskId;
    }

    Long getAssigneeId() {
        return assigneeId;
    }

    Long getGridId() {
        return gridId;
    }

    TaskStatus getStatus() {
        return status;
    }

    String getNote() {
        return note;
    }

    UUID getPhotoId() {
        return photoId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getRemindedAt() {
        return remindedAt;
    }
}
