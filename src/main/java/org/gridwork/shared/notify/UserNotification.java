package org.gridwork.shared.notify;

/**
 * An in-app notification for one user (the bell), published as an event by any module; the
 * notification module stores it after the publishing transaction commits.
 *
 * @param userId     who is told
 * @param messageKey what, as a message key in the notification's bundle
 * @param args       message arguments (plain values: codes, titles, dates)
 * @param url        where clicking it leads
 */
public record UserNotification(long userId, String messageKey, Object[] args, String url) {
}
