package org.gridwork.campaign;

/** Who a campaign checks; message keys {@code campaign.targetKind.<NAME>}. */
public enum TargetKind {
    /** every household in the area */
    HOUSEHOLDS,
    /** every living resident in the area who belongs to one of the chosen special groups */
    GROUPS,
    /** the households or residents of an uploaded list */
    LIST
}
