package org.gridwork.issue.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gridwork.open311.*: the jurisdiction this server answers for (a request naming another gets 404),
 * the POSTs each API key may make per minute (counted in the database by {@link Open311Keys}), and
 * the contact the discovery document gives.
 */
@ConfigurationProperties("gridwork.open311")
record Open311Settings(@DefaultValue("gridwork.local") String jurisdictionId,
        @DefaultValue("10") int postsPerMinute,
        @DefaultValue("") String contact) {
}
