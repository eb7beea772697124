package org.gridwork.territory;

import java.util.List;

/** Writes grids as a GeoJSON FeatureCollection with their code, name and village as properties. */
final class GridFeatures {

    record Feature(GridSummary grid, RegionSummary village, String geometry) {
    }

    private GridFeatures() {
    }

    static String collection(List<Feature> features) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Feature f : features) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"type\":\"Feature\",\"properties\":{\"id\":").append(f.grid().id())
                    .append(",\"code\":").append(quote(f.grid().code()))
                    .append(",\"name\":").append(quote(f.grid().name()))
                    .append(",\"villageCode\":").append(quote(f.village().code()))
                    .append(",\"villageName\":").append(quote(f.village().name()))
                    .append("},\"geometry\":").append(f.geometry() == null ? "null" : f.geometry()).append('}');
        }
        return out.append("]}").toString();
    }

    /** Outlines for the public: code, name and geometry only (no ids, nothing about staff). */
    static String outlines(List<String[]> codeNameGeometry) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (String[] f : codeNameGeometry) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"type\":\"Feature\",\"properties\":{\"code\":").append(quote(f[0]))
                    .append(",\"name\":").append(quote(f[1])).append("},\"geometry\":").append(f[2]).append('}');
        }
        return out.append("]}").toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
