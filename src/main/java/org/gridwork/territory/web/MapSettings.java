package org.gridwork.territory.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The tile layer every map uses; empty URL means a plain background (offline installations). */
@Component
public class MapSettings {

    private final String tileUrl;
    private final String attribution;

    MapSettings(@Value("${gridwork.map.tile-url:}") String tileUrl,
            @Value("${gridwork.map.tile-attribution:}") String attribution) {
        this.tileUrl = tileUrl;
        this.attribution = attribution;
    }

    public String tileUrl() {
        return tileUrl;
    }

    public String attribution() {
        return attribution;
    }
}
