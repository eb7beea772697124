package org.gridwork.account;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The JDBC session store, writing a session back only when there is something to write: an
 * attribute set or removed, a new id or timeout, or a last access a minute older than the stored
 * one. Spring Session writes the session row after every request just to move its last access on,
 * a database round trip on every page view; an idle session now ends at most a minute early.
 * <p>
 * Spring Session also reads the session again right after saving it, only to compare its id with
 * the requested one: that read answers the session just saved, without a SELECT. What was saved
 * is kept for the rest of the request only ({@link SessionReadBackFilter} forgets it).
 */
class QuietSessionRepository implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession>,
        DisposableBean {

    /** How stale the stored last access may get before it is written (SessionConfig's UPDATE agrees). */
    static final Duration LAST_ACCESS_SLACK = Duration.ofMinutes(1);

    /** The session this thread saved during its current request. */
    private static final ThreadLocal<QuietSession> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;

    @SuppressWarnings("unchecked")
    QuietSessionRepository(FindByIndexNameSessionRepository<? extends Session> store) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
    }

    /** The store's own clean-up schedule ends with it. */
    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(store.createSession(), null);
    }

    @Override
    public void save(QuietSession session) {
        if (session.needsWriting()) {
            store.save(session.stored);
            session.written();
        }
        SAVED.set(session);
    }

    @Override
    public QuietSession findById(String id) {
        QuietSession saved = SAVED.get();
        if (saved != null) {
            SAVED.remove();
            if (saved.getId().equals(id) && !saved.isExpired()) {
                return saved;
            }
        }
        Session stored = store.findById(id);
        return stored == null ? null : new QuietSession(stored, stored.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        SAVED.remove();
        store.deleteById(id);
    }

    /** The end of a request: what it saved is not kept for the next request on this thread. */
    static void forgetSaved() {
        SAVED.remove();
    }

    @Override
    public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession> found = new HashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, s) -> found.put(id, new QuietSession(s, s.getLastAccessedTime())));
        return found;
    }

    /** A stored session that notes whether anything in it changed. */
    static final class QuietSession implements Session {

        private final Session stored;
        /** The last access as stored, or null for a session not stored yet. */
        private Instant storedLastAccess;
        private boolean changed;

        QuietSession(Session stored, Instant storedLastAccess) {
            this.stored = stored;
            this.storedLastAccess = storedLastAccess;
        }

        boolean needsWriting() {
            return storedLastAccess == null || changed
                    || !stored.getLastAccessedTime().isBefore(storedLastAccess.plus(LAST_ACCESS_SLACK));
        }

        void written() {
            storedLastAccess = stored.getLastAccessedTime();
            changed = false;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(stored.getMaxInactiveInterval())) {
                changed = true;
            }
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
