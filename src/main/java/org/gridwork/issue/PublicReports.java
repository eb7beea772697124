package org.gridwork.issue;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridwork.shared.BusinessRuleException;
import org.gridwork.shared.NotFoundException;
import org.gridwork.shared.audit.AuditEvent;
import org.gridwork.shared.crypto.FieldEncryptor;
import org.gridwork.shared.photo.PhotoStore;
import org.gridwork.territory.GridLocator;
import org.gridwork.territory.GridSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents as reporters (群众随手拍, DOMAIN.md section 12): a report without an account becomes a
 * REPORTED issue with source PUBLIC, found again by a tracking code; the resident follows the
 * public timeline and rates the outcome once it is closed. Nothing here ever returns the
 * resident's name or phone (kept encrypted in {@code public_report}), a staff name or a comment.
 *
 * <p>Abuse resistance without an SMS gateway or an outside CAPTCHA: reports per address and per
 * device are counted in the database (so the limits hold across instances), every field has a
 * size cap, the page carries a honeypot field (checked by the controller), a point outside every
 * grid is refused, and an open issue of the same category within 50 m is offered to follow instead.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(PublicReports.Limits.class)
public class PublicReports {

    /** 32 letters: digits and capitals without 0, 1, I and O, which read alike. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 10;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_NAME = 50;
    static final int MAX_PHONE = 20;
    static final int MAX_PHOTOS = 3;
    static final int MAX_COMMENT = 500;
    static final double DUPLICATE_METRES = 50;

    private final IssueService issues;
    private final IssueRepository repository;
    private final CategoryService categories;
    private final GridLocator locator;
    private final PhotoStore photos;
    private final FieldEncryptor crypto;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** Reports allowed per address and per device within the window; {@code gridwork.public-report.*}. */
    @ConfigurationProperties("gridwork.public-report")
    public record Limits(Integer perAddress, Integer perDevice, Duration window) {
        public Limits {
            perAddress = perAddress == null ? 10 : perAddress;
            perDevice = perDevice == null ? 3 : perDevice;
            window = window == null ? Duration.ofHours(24) : window;
        }
    }

    PublicReports(IssueService issues, IssueRepository repository, CategoryService categories, GridLocator locator,
            PhotoStore photos, FieldEncryptor crypto, JdbcTemplate jdbc, ApplicationEventPublisher events, Limits limits,
            ObjectProvider<Clock> clock) {
        this.issues = issues;
        this.repository = repository;
        this.categories = categories;
        this.locator = locator;
        this.photos = photos;
        this.crypto = crypto;
        this.jdbc = jdbc;
        this.events = events;
        this.limits = limits;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What the public form sends; {@code notDuplicate}: the resident saw the nearby issue and reports anyway. */
    public record Report(Long categoryId, String description, Double longitude, Double latitude, String name,
            String phone, List<byte[]> photos, String clientAddress, String deviceId, boolean notDuplicate) {
    }

    /** An open issue of the same category close by; {@code trackingCode} only when it too came from a resident. */
    public static class DuplicateFound extends BusinessRuleException {
        private final String trackingCode;

        DuplicateFound(String trackingCode) {
            super("public.error.duplicate");
            this.trackingCode = trackingCode;
        }

        public String trackingCode() {
            return trackingCode;
        }
    }

    /** Files the report; returns the tracking code. Refusals are BusinessRuleExceptions with a message key. */
    @Transactional
    public String report(Report r) {
        CategorySummary category = publicCategory(r.categoryId());
        String description = r.description() == null ? "" : r.description().strip();
        if (description.isEmpty()) {
            throw new BusinessRuleException("public.error.description");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new BusinessRuleException("public.error.descriptionTooLong", MAX_DESCRIPTION);
        }
        String name = blankToNull(r.name());
        if (name != null && name.length() > MAX_NAME) {
            throw new BusinessRuleException("public.error.nameTooLong", MAX_NAME);
        }
        String phone = blankToNull(r.phone());
        if (phone != null && (phone.length() > MAX_PHONE || !phone.matches("[0-9+\\- ]{5,20}"))) {
            throw new BusinessRuleException("public.error.phone");
        }
        List<byte[]> pictures = r.photos() == null ? List.of() : r.photos();
        if (pictures.size() > MAX_PHOTOS) {
            throw new BusinessRuleException("public.error.tooManyPhotos", MAX_PHOTOS);
        }
        if (r.longitude() == null || r.latitude() == null || !Double.isFinite(r.longitude()) || !Double.isFinite(r.latitude())) {
            throw new BusinessRuleException("public.error.location");
        }
        GridSummary grid = locator.locate(r.longitude(), r.latitude())
                .orElseThrow(() -> new BusinessRuleException("public.error.outside"));
        String addressHash = crypto.blindIndex(r.clientAddress() == null ? "unknown" : r.clientAddress());
        String device = r.deviceId() == null ? "none" : r.deviceId();
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(limits.window()));
        Integer byAddress = jdbc.queryForObject(
                "select count(*) from public_report where address_hash = ? and created_at > ?", Integer.class,
                addressHash, since);
        Integer byDevice = jdbc.queryForObject(
                "select count(*) from public_report where device_id = ? and created_at > ?", Integer.class, device, since);
        if (byAddress != null && byAddress >= limits.perAddress() || byDevice != null && byDevice >= limits.perDevice()) {
            events.publishEvent(new AuditEvent("PUBLIC_REPORT_LIMITED", "PUBLIC_REPORT", device, false,
                    "address " + byAddress + " device " + byDevice));
            throw new BusinessRuleException("public.error.tooMany", Math.min(limits.perAddress(), limits.perDevice()),
                    limits.window().toHours());
        }
        if (!r.notDuplicate()) {
            Optional<DuplicateFound> duplicate = duplicate(category.id(), r.longitude(), r.latitude());
            if (duplicate.isPresent()) {
                throw duplicate.get();
            }
        }
        Issue issue = new Issue(new Issue.Report(category.id(), Urgency.NORMAL, IssueSource.PUBLIC, description, null,
                null, r.longitude(), r.latitude(), grid.id(), grid.regionPath(), null, null, null, null),
                Actor.publicReporter(), now);
        long id = issues.saveNew(issue);
        int position = 0;
        for (byte[] photo : pictures) {
            UUID photoId = photos.store(photo, null); // checked and re-encoded (metadata stripped) as every upload
            jdbc.update("insert into issue_photo(issue_id, photo_id, kind, position) values (?, ?, 'BEFORE', ?)", id,
                    photoId, position++);
        }
        String code = newCode();
        jdbc.update("""
                insert into public_report(issue_id, tracking_code, name_enc, phone_enc, address_hash, device_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, code, name == null ? null : crypto.encrypt(name),
                phone == null ? null : crypto.encrypt(phone), addressHash, device, Timestamp.from(now));
        events.publishEvent(AuditEvent.of("ISSUE_REPORTED", "ISSUE", id, "public " + category.code() + " grid " + grid.code()));
        return code;
    }

    /** Subclasses residents may choose. */
    public java.util.Map<CategorySummary, List<CategorySummary>> categories() {
        return categories.publicTree();
    }

    private CategorySummary publicCategory(Long id) {
        if (id == null) {
            throw new BusinessRuleException("public.error.category");
        }
        CategorySummary c;
        try {
            c = categories.get(id);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("public.error.category");
        }
        if (!c.subclass() || !c.active() || !c.publicReporting()) {
            throw new BusinessRuleException("public.error.category");
        }
        return c;
    }

    private Optional<DuplicateFound> duplicate(long categoryId, double longitude, double latitude) {
        double dLat = DUPLICATE_METRES / 111_320.0;
        double dLon = DUPLICATE_METRES / (111_320.0 * Math.cos(Math.toRadians(latitude)));
        List<Object[]> near = jdbc.query("""
                select i.longitude, i.latitude, p.tracking_code from issue i
                left join public_report p on p.issue_id = i.id
                where i.category_id = ? and i.status not in ('CLOSED', 'REJECTED')
                  and i.latitude between ? and ? and i.longitude between ? and ?
                order by i.id desc limit 50""",
                (rs, n) -> new Object[] {rs.getDouble(1), rs.getDouble(2), rs.getString(3)},
                categoryId, latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
        return near.stream()
                .filter(o -> IssueQueries.metresBetween(latitude, longitude, (double) o[1], (double) o[0]) <= DUPLICATE_METRES)
                .findFirst().map(o -> new DuplicateFound((String) o[2]));
    }

    private String newCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Integer taken = jdbc.queryForObject("select count(*) from public_report where tracking_code = ?",
                    Integer.class, code.toString());
            if (taken == null || taken == 0) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free tracking code after 5 attempts");
    }

    /** A tracking code as typed: upper case, without spaces; null when it cannot be one. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (c.length() != CODE_LENGTH) {
            return null;
        }
        for (char ch : c.toCharArray()) {
            if (ALPHABET.indexOf(ch) < 0) {
                return null;
            }
        }
        return c;
    }

    // ---- following ----

    /** One line of the public timeline: when and what, in plain words (never who, never a comment). */
    public record Step(Instant at, String action) {
    }

    /** What a resident sees of their report. */
    public record Tracking(String code, long issueId, IssueStatus status, CategorySummary category, String description,
            Instant reportedAt, Instant closedAt, List<Step> steps, List<UUID> photosAfter, String satisfaction,
            String ratingComment, boolean mayRate) {
    }

    /** Timeline actions a resident sees; the others (returns, extensions, warnings) are internal. */
    static final List<String> PUBLIC_ACTIONS = List.of("REPORT", "FILE", "REJECT", "DISPATCH", "ACCEPT", "HANDLED",
            "CLOSE", "REWORK", "REOPEN", "ESCALATE", "AUTO_ESCALATE", "DISPATCH_AT_COUNTY");

    /** The report behind a code, or 404. */
    public Tracking track(String code) {
        String c = normalise(code);
        if (c == null) {
            throw new NotFoundException("tracking code", code);
        }
        List<Object[]> found = jdbc.query("""
                select issue_id, satisfaction, rating_comment from public_report where tracking_code = ?""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, c);
        if (found.isEmpty()) {
            throw new NotFoundException("tracking code", code);
        }
        long issueId = (long) found.get(0)[0];
        Issue issue = repository.findById(issueId).orElseThrow(() -> new NotFoundException("tracking code", code));
        List<Step> steps = jdbc.query("""
                select at, action from issue_event where issue_id = ? and action = any(?) order by id""",
                (rs, n) -> new Step(rs.getTimestamp(1).toInstant(), rs.getString(2)), issueId,
                PUBLIC_ACTIONS.toArray(new String[0]));
        boolean handled = issue.getStatus() == IssueStatus.HANDLED || issue.getStatus() == IssueStatus.CLOSED;
        List<UUID> after = handled ? jdbc.queryForList(
                "select photo_id from issue_photo where issue_id = ? and kind = 'AFTER' order by position", UUID.class,
                issueId) : List.of();
        String satisfaction = (String) found.get(0)[1];
        return new Tracking(c, issueId, issue.getStatus(), categories.get(issue.getCategoryId()), issue.getDescription(),
                issue.getReportedAt(), issue.getClosedAt(), steps, after, satisfaction, (String) found.get(0)[2],
                satisfaction == null && issue.getStatus() == IssueStatus.CLOSED);
    }

    /** An after-photo of the report behind the code (404 for anything else). */
    public byte[] afterPhoto(String code, UUID photoId, boolean thumbnail) {
        Tracking t = track(code);
        if (!t.photosAfter().contains(photoId)) {
            throw new NotFoundException("photo", photoId);
        }
        return photos.load(photoId, thumbnail).orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** The resident's name and phone as they left them (either may be null). */
    public record Contact(String name, String phone) {
    }

    /**
     * The contact a resident left, for the supervisor or the assignee who calls them back: shown
     * on purpose, one request at a time, and audited. 404 outside the user's scope, refused to
     * others who merely see the issue.
     */
    @Transactional
    public Contact contact(long issueId) {
        if (!issues.handledByCurrentUser(issueId)) {
            throw new NotFoundException("issue", issueId);
        }
        List<Contact> found = jdbc.query("select name_enc, phone_enc from public_report where issue_id = ?",
                (rs, n) -> new Contact(decrypt(rs.getString(1)), decrypt(rs.getString(2))), issueId);
        if (found.isEmpty()) {
            throw new NotFoundException("issue", issueId);
        }
        events.publishEvent(AuditEvent.of("PUBLIC_CONTACT_VIEWED", "ISSUE", issueId, null));
        return found.get(0);
    }

    private String decrypt(String stored) {
        return stored == null ? null : crypto.decrypt(stored);
    }

    // ---- rating ----

    /** 满意 / 基本满意 / 不满意. */
    public enum Satisfaction {
        SATISFIED, BASIC, UNSATISFIED
    }

    /** Rates the closed issue, once; 不满意 within 7 days of closure lets the supervisor reopen it. */
    @Transactional
    public void rate(String code, Satisfaction satisfaction, String comment) {
        Tracking t = track(code);
        if (satisfaction == null) {
            throw new BusinessRuleException("public.error.satisfaction");
        }
        if (t.status() != IssueStatus.CLOSED) {
            throw new BusinessRuleException("public.error.notClosed");
        }
        String text = blankToNull(comment);
        if (text != null && text.length() > MAX_COMMENT) {
            throw new BusinessRuleException("public.error.commentTooLong", MAX_COMMENT);
        }
        Instant now = clock.instant();
        int rated = jdbc.update("""
                update public_report set satisfaction = ?, rating_comment = ?, rated_at = ?
                where tracking_code = ? and satisfaction is null""", satisfaction.name(), text, Timestamp.from(now), t.code());
        if (rated == 0) {
            throw new BusinessRuleException("public.error.alreadyRated");
        }
        if (satisfaction == Satisfaction.UNSATISFIED) {
            Issue issue = repository.findById(t.issueId()).orElseThrow();
            issue.residentRatedUnsatisfied(now);
            issues.saveChange(issue);
        }
        events.publishEvent(AuditEvent.of("PUBLIC_REPORT_RATED", "ISSUE", t.issueId(), satisfaction.name()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
