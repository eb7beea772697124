package org.gridwork.issue;

import java.time.Instant;

/** A handling deadline with the moments of its 50 % and 80 % warnings. */
record Deadlines(Instant deadline, Instant warn50, Instant warn80) {
}
