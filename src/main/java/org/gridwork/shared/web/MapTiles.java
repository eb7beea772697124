package org.gridwork.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gridwork.map.*: the tile layer every map uses ({@code {z}/{x}/{y}}, optional {@code {s}}) and its
 * attribution; an empty URL draws grids on a plain background (offline installations). Also what
 * the Content-Security-Policy allows images from.
 */
@ConfigurationProperties("gridwork.map")
public record MapTiles(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {
}
