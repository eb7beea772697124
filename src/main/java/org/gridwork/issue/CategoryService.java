package org.gridwork.issue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.gridwork.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The issue taxonomy with its time limits; edited by admins. */
@Service
@Transactional(readOnly = true)
public class CategoryService {

    private final CategoryRepository categories;
    private final ApplicationEventPublisher events;
    /** Categories change rarely and are read on every list and today screen ({@link GridworkCache#ISSUE_CATEGORIES}). */
    private final org.springframework.cache.Cache snapshot;

    private record Snapshot(List<CategorySummary> ordered, Map<Long, CategorySummary> byId) {
    }

    CategoryService(CategoryRepository categories, ApplicationEventPublisher events, Caches caches) {
        this.snapshot = caches.of(GridworkCache.ISSUE_CATEGORIES);
        this.categories = categories;
        this.events = events;
    }

    /** Major classes in order, each with its subclasses in order. */
    @Transactional(propagation = Propagation.SUPPORTS) // read from memory: no transaction to open
    public Map<CategorySummary, List<CategorySummary>> tree(boolean activeOnly) {
        List<CategorySummary> all = snapshot().ordered().stream().filter(c -> !activeOnly || c.active()).toList();
        Map<CategorySummary, List<CategorySummary>> tree = new LinkedHashMap<>();
        for (CategorySummary major : all) {
            if (!major.subclass()) {
                List<CategorySummary> subs = new ArrayList<>();
                for (CategorySummary c : all) {
                    if (major.id() == (c.parentId() == null ? -1 : c.parentId())) {
                        subs.add(c);
                    }
                }
                tree.put(major, subs);
            }
        }
        return tree;
    }

    /** Active subclasses: what an issue can be filed under (and the Open311 services). */
    @Transactional(propagation = Propagation.SUPPORTS) // read from memory: no transaction to open
    public List<CategorySummary> subclasses() {
        return tree(true).values().stream().flatMap(List::stream).toList();
    }

    /** Active subclasses residents may choose on the public reporting page. */
    @Transactional(propagation = Propagation.SUPPORTS) // read from memory: no transaction to open
    public Map<CategorySummary, List<CategorySummary>> publicTree() {
        Map<CategorySummary, List<CategorySummary>> tree = new LinkedHashMap<>();
        tree(true).forEach((major, subs) -> {
            List<CategorySummary> open = subs.stream().filter(CategorySummary::publicReporting).toList();
            if (!open.isEmpty()) {
                tree.put(major, open);
            }
        });
        return tree;
    }

    @Transactional(propagation = Propagation.SUPPORTS) // read from memory: no transaction to open
    public CategorySummary get(long id) {
        CategorySummary found = snapshot().byId().get(id);
        if (found == null) {
            throw new NotFoundException("category", id);
        }
        return found;
    }

    private Snapshot snapshot() {
        return Caches.get(snapshot, "all", this::load);
    }

    private Snapshot load() {
        List<CategorySummary> ordered = categories.findAllByOrderBySortOrderAscIdAsc().stream()
                .map(IssueCategory::summary).toList();
        Map<Long, CategorySummary> byId = new java.util.HashMap<>();
        ordered.forEach(c -> byId.put(c.id(), c));
        return new Snapshot(ordered, Map.copyOf(byId));
    }

    public Optional<CategorySummary> findByCode(String code) {
        return categories.findByCode(code).map(IssueCategory::summary);
    }

    /** Changes a subclass's limits; a stale version (someone else saved first) is a conflict. */
    @PreAuthorize(Authorities.ADMIN)
    @Transactional
    public void changeLimits(long id, long version, int amount, LimitUnit unit, boolean emergency, int verifyLimitHours,
            boolean active, boolean publicReporting) {
        IssueCategory c = categories.findById(id).orElseThrow(() -> new NotFoundException("category", id));
        if (c.getParentId() == null) {
            throw new BusinessRuleException("issue.category.error.major");
        }
        if (c.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(IssueCategory.class, id);
        }
        if (amount < 1 || amount > 1000 || verifyLimitHours < 1 || verifyLimitHours > 1000 || unit == null) {
            throw new BusinessRuleException("issue.category.error.limits");
        }
        c.changeLimits(amount, unit, emergency, verifyLimitHours, active, publicReporting);
        Caches.forgetNowAndAfterCommit(snapshot);
        events.publishEvent(AuditEvent.of("ISSUE_CATEGORY_CHANGED", "ISSUE_CATEGORY", id,
                amount + " " + unit + (emergency ? " emergency" : "") + " verify " + verifyLimitHours + "h"
                + (publicReporting ? " public" : "")));
    }
}
