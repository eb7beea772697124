package org.gridwork.territory;

/** Grid boundaries as maps of any module serve them: a huge boundary simplified to about a pixel. */
public final class MapGeometry {

    private MapGeometry() {
    }

    /** The stored GeoJSON geometry, simplified for a map at this zoom level when it has hundreds of vertices. */
    public static String forZoom(String storedGeojson, int zoom) {
        return GeoJson.forMap(storedGeojson, zoom);
    }
}
