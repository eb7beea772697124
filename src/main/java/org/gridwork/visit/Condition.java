package org.gridwork.visit;

/** The person's condition as the visitor found it. */
public enum Condition { GOOD, FAIR, POOR, URGENT }
