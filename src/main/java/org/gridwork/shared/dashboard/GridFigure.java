package org.gridwork.shared.dashboard;

/**
 * One figure of one grid as its owning module computed it. Counts have denominator 1; rates and
 * averages carry both parts so that they add up over grids correctly.
 *
 * @param dimension the breakdown value (a status, a category, a week), or "" when there is none
 */
public record GridFigure(long gridId, Figure figure, String dimension, double numerator, double denominator) {

    public static GridFigure count(long gridId, Figure figure, String dimension, double count) {
        return new GridFigure(gridId, figure, dimension == null ? "" : dimension, count, 1);
    }

    public static GridFigure ratio(long gridId, Figure figure, double numerator, double denominator) {
        return new GridFigure(gridId, figure, "", numerator, denominator);
    }
}
