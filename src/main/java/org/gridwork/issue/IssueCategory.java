package org.gridwork.issue;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A major class (no limits) or a subclass (with its time limits) of the issue taxonomy. */
@Entity
@Table(name = "issue_category")
class IssueCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "limit_amount")
    private Integer limitAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "limit_unit")
    private LimitUnit limitUnit;

    private boolean emergency;

    @Column(name = "verify_limit_hours")
    private Integer verifyLimitHours;

    @Column(name = "sort_order")
    private int sortOrder;

    private boolean active = true;

    @Column(name = "public_reporting")
    private boolean publicReporting;

    @Version
    private long version;

    protected IssueCategory() {
    }

    Long getId() {
        return id;
    }

    Long getParentId() {
        return parentId;
    }

    boolean isActive() {
        return active;
    }

    void changeLimits(int amount, LimitUnit unit, boolean emergency, int verifyLimitHours, boolean active,
            boolean publicReporting) {
        this.publicReporting = publicReporting;
        this.limitAmount = amount;
        this.limitUnit = unit;
        this.emergency = emergency;
        this.verifyLimitHours = verifyLimitHours;
        this.active = active;
    }

    long getVersion() {
        return version;
    }

    CategorySummary summary() {
        return new CategorySummary(id, code, parentId, nameZh, nameEn, limitAmount, limitUnit, emergency,
                verifyLimitHours, sortOrder, active, version, publicReporting);
    }

    static String name(String zh, String en, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
