package org.gridwork.campaign;

/** The kinds of checklist questions; message keys {@code campaign.kind.<NAME>}. */
public enum QuestionKind {
    YES_NO, SINGLE_CHOICE, MULTIPLE_CHOICE, NUMBER, DATE, TEXT, PHOTO;

    /** Kinds whose answers are codes from a fixed list (yes/no or options): conditions and problem rules work on these. */
    public boolean coded() {
        return this == YES_NO || this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
