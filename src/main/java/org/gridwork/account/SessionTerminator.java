package org.gridwork.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of a user on the server (all instances: sessions live in the database). */
@Component
class SessionTerminator {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    int endSessionsOf(String username) {
        var found = sessions.findByPrincipalName(username);
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }

    /** After a password change: every other session of the user ends, the one that changed it stays. */
    int endOtherSessionsOf(String username, String keptSessionId) {
        var others = sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keptSessionId)).toList();
        others.forEach(sessions::deleteById);
        return others.size();
    }
}
