package org.gridwork.campaign;

/** Where a target stands; message keys {@code campaign.status.<NAME>}. */
public enum TargetStatus {
    /** nobody has been there yet */
    NOT_STARTED,
    /** nobody home at the last try: counts as an attempt and is due again */
    ATTEMPTED,
    DONE,
    REFUSED
}
