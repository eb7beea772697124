package org.gridwork.notification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.gridwork.shared.security.Authorities;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.gridwork.account.CurrentUsers;
import org.gridwork.shared.notify.UserNotification;
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

    /**
     * How long a user's unread count is taken from memory. Every page shows it; a notification
     * raised on another instance reaches the bell within this time (the badge itself polls once a
     * minute), one raised or read here at once.
     */
    static final long UNREAD_COUNT_NANOS = 15_000_000_000L;

    private final JdbcTemplate jdbc;
    private final CurrentUsers currentUsers;
    private final Map<Long, UnreadCount> unread = new ConcurrentHashMap<>();

    private record UnreadCount(long count, long at) {
    }

    NotificationService(JdbcTemplate jdbc, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void store(UserNotification n) {
        String args = n.args() == null ? "" : Arrays.stream(n.args()).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        jdbc.update("insert into notification(user_id, message_key, args, url) values (?, ?, ?, ?)", n.userId(),
                n.messageKey(), args, n.url());
        unread.remove(n.userId());
    }

    /** One count on every page (the bell): no transaction around it, which cost more than the count. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public long unreadCount() {
        return currentUsers.current().map(u -> unreadCount(u.id())).orElse(0L);
    }

    private long unreadCount(long userId) {
        long now = System.nanoTime();
        UnreadCount known = unread.get(userId);
        if (known != null && now - known.at() < UNREAD_COUNT_NANOS) {
            return known.count();
        }
        long count = jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null",
                Long.class, userId);
        if (unread.size() > 100_000) {
            unread.clear();
        }
        unread.put(userId, new UnreadCount(count, now));
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
        unread.remove(user);
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
        unread.remove(user);
    }

    public record NotificationView(long id, String messageKey, Object[] args, String url, Instant createdAt, boolean read) {
    }
}
