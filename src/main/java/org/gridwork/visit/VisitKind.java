package org.gridwork.visit;

/** Kinds of visit: routine, care visit (关爱走访), follow-up, epidemic check, other. */
public enum VisitKind { ROUTINE, CARE, FOLLOW_UP, EPIDEMIC_CHECK, OTHER }
