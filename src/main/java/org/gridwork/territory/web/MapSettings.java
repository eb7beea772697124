package org.gridwork.territory.web;

import org.gridwork.shared.web.MapTiles;
import org.springframework.stereotype.Component;

/** The tile layer every map uses; empty URL means a plain background (offline installations). */
@Component
public class MapSettings {

    private final String tileUrl;
    private final String attribution;

    MapSettings(MapTiles tiles) {
        this.tileUrl = tiles.tileUrl();
        this.attribution = tiles.tileAttribution();
    }

    public String tileUrl() {
        return tileUrl;
    }

    public String attribution() {
        return attribution;
    }
}
