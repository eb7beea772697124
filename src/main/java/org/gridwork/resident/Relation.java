package org.gridwork.resident;

/** Relation to the head of the household (与户主关系). */
public enum Relation { HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER }
