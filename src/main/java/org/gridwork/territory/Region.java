package org.gridwork.territory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrative division node; {@code path} holds the codes from the root, e.g. {@code /13/1305/130528/}. */
@Entity
@Table(name = "region")
class Region {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private RegionLevel level;

    @Column(name = "parent_id")
    private Long parentId;

    private String path;

    private short depth;

    @Column(name = "boundary_geojson")
    private String boundaryGeojson;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    protected Region() {
    }

    Region(String code, String name, RegionLevel level, Region parent) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + code + "/";
        this.depth = (short) (parent == null ? 0 : parent.depth + 1);
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    RegionLevel getLevel() {
        return level;
    }

    Long getParentId() {
        return parentId;
    }

    String getPath() {
        return path;
    }

    String getBoundaryGeojson() {
        return boundaryGeojson;
    }

    void rename(String name) {
        this.name = name;
        this.updatedAt = Instant.now();
    }

    void setBoundaryGeojson(String boundaryGeojson) {
        this.boundaryGeojson = boundaryGeojson;
        this.updatedAt = Instant.now();
    }

    RegionSummary summary() {
        return new RegionSummary(id, code, name, level, parentId, path);
    }
}
