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
import jakarta.persistence.Version;

/** A grid (网格): part of exactly one village, code = village code + 3-digit sequence. */
@Entity
@Table(name = "grid")
class Grid {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Column(name = "village_id")
    private Long villageId;

    @Column(name = "region_path")
    private String regionPath;

    private String description;

    @Column(name = "boundary_geojson")
    private String boundaryGeojson;

    @Enumerated(EnumType.STRING)
    private GridStatus status = GridStatus.ACTIVE;

    @Column(name = "boundary_since")
    private Instant boundarySince;

    @Column(name = "created_at")
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Grid() {
    }

    Grid(String code, String name, Region village, String description) {
        this.code = code;
        this.name = name;
        this.villageId = village.getId();
        this.regionPath = village.getPath();
        this.description = description;
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

    Long getVillageId() {
        return villageId;
    }

    String getRegionPath() {
        return regionPath;
    }

    String getDescription() {
        return description;
    }

    String getBoundaryGeojson() {
        return boundaryGeojson;
    }

    GridStatus getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }

    Instant getBoundarySince() {
        return boundarySince;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void setBoundaryGeojson(String boundaryGeojson) {
        setBoundaryGeojson(boundaryGeojson, Instant.now());
    }

    /** The new boundary is valid from {@code since}, the very instant the old one's validity ends. */
    void setBoundaryGeojson(String boundaryGeojson, Instant since) {
        this.boundaryGeojson = boundaryGeojson;
        this.updatedAt = since;
        this.boundarySince = boundaryGeojson == null ? null : since;
    }

    void describe(String name, String description) {
        this.name = name;
        this.description = description;
        this.updatedAt = Instant.now();
    }

    /** Archived grids keep their code, history and records but leave the lookup and the lists. */
    void archive() {
        this.status = GridStatus.ARCHIVED;
        this.updatedAt = Instant.now();
    }

    GridSummary summary() {
        return new GridSummary(id, code, name, villageId, regionPath, status);
    }
}
