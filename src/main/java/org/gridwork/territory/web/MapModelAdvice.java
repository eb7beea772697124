package org.gridwork.territory.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the tile settings into the territory screens' models for the map elements' data attributes. */
@ControllerAdvice(basePackageClasses = MapModelAdvice.class)
class MapModelAdvice {

    private final MapSettings settings;

    MapModelAdvice(MapSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("mapSettings")
    MapSettings mapSettings() {
        return settings;
    }
}
