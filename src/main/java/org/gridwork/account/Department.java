package org.gridwork.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A functional department (派出所, 司法所, 安监站, ...) whose HANDLER users handle dispatched issues. */
@Entity
@Table(name = "department")
class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private boolean active = true;

    /** County bureau (住建局 …) or town office (派出所 …): who may dispatch to it (V90). */
    @Enumerated(EnumType.STRING)
    private CommandLevel level = CommandLevel.TOWN;

    /** The region it serves (a county or a town), by id: the territory module owns regions. */
    @Column(name = "region_id")
    private Long regionId;

    protected Department() {
    }

    Department(String code, String name) {
        this.code = code;
        this.name = name;
    }

    Department(String code, String name, CommandLevel level, Long regionId) {
        this(code, name);
        this.level = level;
        this.regionId = regionId;
    }

    void placeAt(CommandLevel level) {
        this.level = level;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    void rename(String name) {
        this.name = name;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    DepartmentSummary summary() {
        return new DepartmentSummary(id, code, name, active, level, regionId);
    }
}
