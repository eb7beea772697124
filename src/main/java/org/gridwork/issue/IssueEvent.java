package org.gridwork.issue;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an issue's timeline: who did what, when, from which state to which, and why. */
@Entity
@Table(name = "issue_event")
class IssueEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "issue_id")
    private Long issueId;

    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name")
    private String actorName;

    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private IssueStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private IssueStatus toStatus;

    private String comment;

    /** The level the actor acted at (COUNTY, TOWN, VILLAGE, GRID), so the timeline shows each hop. */
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_level")
    private org.gridwork.account.CommandLevel actorLevel;

    protected IssueEvent() {
    }

    IssueEvent(Long issueId, Instant at, Actor actor, String action, IssueStatus from, IssueStatus to, String comment) {
        this.issueId = issueId;
        this.at = at;
        this.actorId = actor.userId();
        this.actorName = actor.name();
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.comment = comment;
        this.actorLevel = actor.level();
    }

    TimelineEntry entry() {
        return new TimelineEntry(at, actorName, action, fromStatus, toStatus, comment, actorLevel);
    }
}
