package org.gridwork.issue.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The form of {@code POST requests.{format}} under GeoReport v2's parameter names. Kept as text and
 * read here, so that a wrong value is refused in the specification's error format.
 */
record NewServiceRequest(@BindParam("jurisdiction_id") String jurisdictionId,
        @BindParam("api_key") String apiKey,
        @BindParam("service_code") String serviceCode,
        String lat,
        @BindParam("long") String lon,
        @BindParam("address_string") String addressString,
        @BindParam("address_id") String addressId,
        String email,
        @BindParam("first_name") String firstName,
        @BindParam("last_name") String lastName,
        String phone,
        String description) {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_PLACE = 300;
    static final int MAX_CONTACT = 500;

    /** A point in WGS 84 degrees. */
    record Point(double longitude, double latitude) {
    }

    /** No point at all: the location is then the address (lat and long must come together). */
    boolean hasPoint() {
        return !blank(lat) || !blank(lon);
    }

    Point point() {
        if (blank(lat) || blank(lon)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long go together");
        }
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat);
            longitude = Double.parseDouble(lon);
        } catch (NumberFormatException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long must be decimal degrees (WGS 84)");
        }
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long must be decimal degrees (WGS 84)");
        }
        return new Point(longitude, latitude);
    }

    /**
     * What the request says of the place: the address, else the channel's address id (300 at most). Said,
     * not cut short: a channel learns its address did not fit the column.
     */
    String place() {
        if (!blank(addressString)) {
            String address = addressString.strip();
            if (address.length() > MAX_PLACE) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "address_string is longer than " + MAX_PLACE
                        + " characters (" + address.length() + " given)");
            }
            return address;
        }
        return blank(addressId) ? null : trim("address_id " + addressId.strip(), MAX_PLACE);
    }

    /** The reporter's name, e-mail and phone as one line (500 at most, refused beyond), null when none is given. */
    String contact() {
        String s = String.join(" ", List.of(nz(firstName), nz(lastName), nz(email), nz(phone))).strip().replaceAll("\\s+", " ");
        if (s.length() > MAX_CONTACT) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "first_name, last_name, email and phone are longer than "
                    + MAX_CONTACT + " characters together (" + s.length() + " given)");
        }
        return s.isEmpty() ? null : s;
    }

    /** The description, or the service's name when there is none. */
    String text(String serviceName) {
        String text = blank(description) ? serviceName : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s.strip();
    }
}
