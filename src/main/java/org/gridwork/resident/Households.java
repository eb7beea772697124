package org.gridwork.resident;

import java.util.List;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.shared.security.Authorities;
import org.gridwork.shared.time.BusinessTime;
import org.gridwork.territory.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: who lives together at one home, with their relation to its head. A household lies in
 * one grid and, like its members, does not exist for callers outside that grid's scope (404).
 */
@Service
@Transactional(readOnly = true)
public class Households {

    private final JdbcTemplate jdbc;
    private final FieldEncryptor crypto;
    private final DataScope dataScope;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final ResidentService residents;

    Households(JdbcTemplate jdbc, FieldEncryptor crypto, DataScope dataScope, ApplicationEventPublisher events,
            BusinessTime time, ResidentService residents) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.dataScope = dataScope;
        this.events = events;
        this.time = time;
        this.residents = residents;
    }

    public HouseholdView household(long householdId) {
        List<Object[]> h = jdbc.query("select grid_id, address, longitude, latitude from household where id = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), ResidentRows.dbl(rs, "longitude"),
                        ResidentRows.dbl(rs, "latitude")}, householdId);
        if (h.isEmpty() || !dataScope.current().allowsGrid((Long) h.get(0)[0])) {
            throw new NotFoundException("household", householdId);
        }
        List<HouseholdView.Member> members = jdbc.query("select " + ResidentRows.COLUMNS + ", r.relation_to_head"
                + " from resident r where r.household_id = ? order by case r.relation_to_head when 'HEAD' then 0 else 1 end,"
                + " r.name collate \"zh-x-icu\", r.id", (rs, i) -> new HouseholdView.Member(ResidentRows.summary(rs, i),
                        rs.getString("relation_to_head") == null ? Relation.OTHER : Relation.valueOf(rs.getString("relation_to_head"))),
                householdId);
        return new HouseholdView(householdId, (Long) h.get(0)[0], (String) h.get(0)[1], (Double) h.get(0)[2],
                (Double) h.get(0)[3], members);
    }

    /** Starts a household at the resident's home with them as its head. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public long startHousehold(long residentId) {
        ResidentDetail r = residents.detail(residentId);
        if (r.summary().householdId() != null) {
            return r.summary().householdId();
        }
        Long hid = jdbc.queryForObject("insert into household(grid_id, address, longitude, latitude) values (?, ?, ?, ?)"
                + " returning id", Long.class, r.summary().gridId(),
                r.summary().address() == null ? "" : r.summary().address(), r.longitude(), r.latitude());
        jdbc.update("update resident set household_id = ?, relation_to_head = 'HEAD' where id = ?", hid, residentId);
        return hid;
    }

    /** Adds a resident (found by exact ID number, within scope) to a household with their relation to the head. */
    @PreAuthorize(Authorities.FIELD)
    @Transactional
    public void addMember(long householdId, String idNumber, Relation relation) {
        HouseholdView h = household(householdId);
        IdNumber id = IdNumber.parse(idNumber, time.today());
        List<Long> found = jdbc.queryForList("select id from resident where id_number_index = ?", Long.class,
                crypto.blindIndex(id.value()));
        if (found.isEmpty()) {
            throw new BusinessRuleException("resident.household.memberUnknown");
        }
        ResidentSummary member = residents.summary(found.get(0));
        if (member.gridId() != h.gridId()) {
            throw new BusinessRuleException("resident.household.otherGrid");
        }
        if (relation == Relation.HEAD && h.members().stream().anyMatch(m -> m.relation() == Relation.HEAD)) {
            throw new BusinessRuleException("resident.household.oneHead");
        }
        jdbc.update("update resident set household_id = ?, relation_to_head = ?, address = coalesce(address, ?) where id = ?",
                householdId, relation.name(), h.address(), member.id());
        events.publishEvent(AuditEvent.of("HOUSEHOLD_MEMBER_ADDED", "HOUSEHOLD", householdId, "resident " + member.id()));
    }
}
