package org.gridwork.notification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.cache.Caches;
import org.gridwork.shared.cache.GridworkCache;
import org.gridwork.shared.notify.UserNotification;
import org.springframework.cache.Cache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * In-app notifications (the bell). Any module publishes a {@link UserNotification}; it is stored
 * only once the publishing transaction has committed, so a refused action tells nobody.
 */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    /** Separates arguments in the stored text; arguments are plain values (ids, codes, dates). */
    private static final String SEPARATOR = "\u001F";


    private final JdbcTemplate jdbc;
    private final CurrentUsers currentUsers;
    /**
     * Each user's unread count ({@link GridworkCache#NOTIFICATION_UNREAD}). Every page shows it; a
     * notification raised on another instance reaches the bell within the cache's lifetime (the
     * badge itself polls once a minute), one raised or read here once its transaction commits.
     */
    private final Cache unread;

    NotificationService(JdbcTemplate jdbc, CurrentUsers currentUsers, Caches caches) {
        this.unread = caches.of(GridworkCache.NOTIFICATION_UNREAD);
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void store(UserNotification n) {
        String args = n.args() == null ? "" : Arrays.stream(n.args()).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        jdbc.update("insert into notification(user_id, message_key, args, url) values (?, ?, ?, ?)", n.userId(),
                n.messageKey(), args, n.url());
        unread.evict(n.userId());
    }

    /** One count on every page (the bell): no transaction around it, which cost more than the count. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public long unreadCount() {
        return currentUsers.current().map(u -> unreadCount(u.id())).orElse(0L);
    }

    private long unreadCount(long userId) {
        Long count = Caches.get(unread, userId, () -> jdbc.queryForObject(
                "select count(*) from notification where user_id = ? and read_at is null", Long.class, userId));
        return count;
    }

    /** The user's latest notifications, newest first. */
    public List<NotificationView> latest(int limit) {
        long user = currentUsers.require().id();
        return jdbc.query("select id, message_key, args, url, created_at, read_at from notification where user_id = ?"
                + " order by id desc limit ?", (rs, i) -> new NotificationView(rs.getLong(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? new Object[0] : rs.getString(3).split(SEPARATOR, -1), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null), user, limit);
    }

    /** Marks one as read and answers where it leads; only the owner's own (others' ids do nothing). */
    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public String open(long id) {
        long user = currentUsers.require().id();
        jdbc.update("update notification set read_at = now() where id = ? and user_id = ? and read_at is null", id, user);
        unread.evict(user);
        List<String> url = jdbc.queryForList("select url from notification where id = ? and user_id = ?", String.class, id, user);
        if (url.isEmpty()) {
            // someone else's notification, or none: the same answer, so ids do not leak
            throw new org.gridwork.shared.NotFoundException("notification", id);
        }
        return url.get(0) == null ? "/notifications" : url.get(0);
    }

    @PreAuthorize(Authorities.ANY_ROLE)
    @Transactional
    public void markAllRead() {
        long user = currentUsers.require().id();
        jdbc.update("update notification set read_at = now() where user_id = ? and read_at is null", user);
        unread.evict(user);
    }

    public record NotificationView(long id, String messageKey, Object[] args, String url, Instant createdAt, boolean read) {
    }
}
