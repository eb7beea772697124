package org.gridwork.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gridwork.public-url: the address users reach Gridwork at, for the few absolute links (Open311
 * discovery). Never the request's Host header: a forged one would be served back, and cached, to
 * every client. Empty: those links are paths.
 */
@ConfigurationProperties("gridwork")
public record PublicUrl(@DefaultValue("") String publicUrl) {

    /** The address without trailing slashes, "" when none is configured; a path is appended to it. */
    public String base() {
        return publicUrl.strip().replaceAll("/+$", "");
    }
}
